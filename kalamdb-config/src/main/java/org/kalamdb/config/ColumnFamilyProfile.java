package org.kalamdb.config;

import java.math.BigInteger;

/**
 * The memtable settings of a group of column families: the size of each memtable and how many each
 * column family may hold, as written in the file.
 *
 * <p>RocksDB changes two of these without a word (column_family.cc, {@code SanitizeOptions}): a
 * write buffer below {@link #MIN_WRITE_BUFFER_BYTES} is raised to it, and fewer than {@link
 * #MIN_WRITE_BUFFERS} buffers are raised to that. The {@code effective*} methods give the values
 * that really run; the memory model uses those.
 *
 * @param name the profile's name ({@code hot_data}; {@code rocksdb} for the toolkit's one profile)
 * @param writeBufferSizeBytes memtable size as written, {@code >= 0}
 * @param maxWriteBufferNumber memtables per column family as written, {@code >= 0}
 */
public record ColumnFamilyProfile(
    String name, long writeBufferSizeBytes, int maxWriteBufferNumber) {

  /** RocksDB raises any smaller write buffer to 64 KiB. */
  public static final long MIN_WRITE_BUFFER_BYTES = 64 << 10;

  /** RocksDB raises any smaller write buffer count to 2. */
  public static final int MIN_WRITE_BUFFERS = 2;

  public ColumnFamilyProfile {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("profile name must be a non-empty string");
    }
    if (writeBufferSizeBytes < 0 || maxWriteBufferNumber < 0) {
      throw new IllegalArgumentException(
          "profile "
              + name
              + ": write buffer size and count must be >= 0, got "
              + writeBufferSizeBytes
              + " and "
              + maxWriteBufferNumber);
    }
  }

  /** The write buffer size RocksDB really uses: at least {@link #MIN_WRITE_BUFFER_BYTES}. */
  public long effectiveWriteBufferSizeBytes() {
    return Math.max(MIN_WRITE_BUFFER_BYTES, writeBufferSizeBytes);
  }

  /** The write buffer count RocksDB really uses: at least {@link #MIN_WRITE_BUFFERS}. */
  public int effectiveMaxWriteBufferNumber() {
    return Math.max(MIN_WRITE_BUFFERS, maxWriteBufferNumber);
  }

  /** The most memtable memory one column family of this profile can hold, exactly. */
  public BigInteger worstCaseBytes() {
    return BigInteger.valueOf(effectiveWriteBufferSizeBytes())
        .multiply(BigInteger.valueOf(effectiveMaxWriteBufferNumber()));
  }
}

package org.kalamdb.config;

import java.nio.file.Path;

/**
 * The values of the {@code [rocksdb]} section of {@code config.toml}.
 *
 * <p>Sizes are in MB (2^20 bytes). A value built in code is checked against the same ranges the
 * validator enforces for a file; an out-of-range value throws {@link IllegalArgumentException}.
 *
 * @param writeBufferSizeMb memtable size of each column family, {@code >= 1}
 * @param maxWriteBufferNumber memtables each column family may hold, {@code >= 1}; RocksDB raises 1
 *     to 2, so the memory model does too
 * @param blockCacheSizeMb the one LRU block cache shared by every column family, {@code >= 0}
 * @param memtableLimitMb cap on all memtables of the store together, {@code 0} for no cap
 */
public record RocksDbConfig(
    long writeBufferSizeMb, int maxWriteBufferNumber, long blockCacheSizeMb, long memtableLimitMb) {

  /** The largest size in MB whose byte count still fits a {@code long}. */
  public static final long MAX_SIZE_MB = Long.MAX_VALUE >> 20;

  public RocksDbConfig {
    requireRange(ConfigKey.WRITE_BUFFER_SIZE_MB, writeBufferSizeMb);
    requireRange(ConfigKey.MAX_WRITE_BUFFER_NUMBER, maxWriteBufferNumber);
    requireRange(ConfigKey.BLOCK_CACHE_SIZE_MB, blockCacheSizeMb);
    requireRange(ConfigKey.MEMTABLE_LIMIT_MB, memtableLimitMb);
  }

  private static void requireRange(ConfigKey key, long value) {
    if (value < key.minimum() || value > key.maximum()) {
      throw new IllegalArgumentException(
          key.tomlName() + " must be " + key.rangeText() + ", got " + value);
    }
  }

  /** The seed's settings: 8 MB x 2 write buffers per column family, one shared 32 MB cache. */
  public static RocksDbConfig defaults() {
    return new RocksDbConfig(
        ConfigKey.WRITE_BUFFER_SIZE_MB.defaultValue(),
        (int) ConfigKey.MAX_WRITE_BUFFER_NUMBER.defaultValue(),
        ConfigKey.BLOCK_CACHE_SIZE_MB.defaultValue(),
        ConfigKey.MEMTABLE_LIMIT_MB.defaultValue());
  }

  /**
   * Reads the {@code [rocksdb]} section of a TOML file; every other section is ignored, and a file
   * without the section gives {@link #defaults()}. The file is checked on its own ({@link
   * CheckOptions#fileOnly()}): no budget, and a memtable limit only has to suit one column family.
   *
   * @throws ConfigException when the file cannot be read or has any error; its message lists every
   *     diagnostic of the file
   */
  public static RocksDbConfig load(Path file) {
    ValidationResult result = new ConfigValidator(CheckOptions.fileOnly()).validate(file);
    if (result.hasErrors()) {
      throw new ConfigException(result.diagnostics());
    }
    return result.config();
  }

  /** Whether {@link #memtableLimitMb()} caps the memtables of the whole store. */
  public boolean hasMemtableLimit() {
    return memtableLimitMb > 0;
  }

  /** The number of write buffers RocksDB really keeps per column family (it raises 1 to 2). */
  public int effectiveMaxWriteBufferNumber() {
    return Math.max(2, maxWriteBufferNumber);
  }

  /** {@link #writeBufferSizeMb()} in bytes. */
  public long writeBufferSizeBytes() {
    return writeBufferSizeMb << 20;
  }

  /** {@link #blockCacheSizeMb()} in bytes. */
  public long blockCacheSizeBytes() {
    return blockCacheSizeMb << 20;
  }

  /** {@link #memtableLimitMb()} in bytes. */
  public long memtableLimitBytes() {
    return memtableLimitMb << 20;
  }

  /** A copy with another write buffer size. */
  public RocksDbConfig withWriteBufferSizeMb(long value) {
    return new RocksDbConfig(value, maxWriteBufferNumber, blockCacheSizeMb, memtableLimitMb);
  }

  /** A copy with another write buffer count. */
  public RocksDbConfig withMaxWriteBufferNumber(int value) {
    return new RocksDbConfig(writeBufferSizeMb, value, blockCacheSizeMb, memtableLimitMb);
  }

  /** A copy with another block cache size. */
  public RocksDbConfig withBlockCacheSizeMb(long value) {
    return new RocksDbConfig(writeBufferSizeMb, maxWriteBufferNumber, value, memtableLimitMb);
  }

  /** A copy with another memtable limit ({@code 0} for none). */
  public RocksDbConfig withMemtableLimitMb(long value) {
    return new RocksDbConfig(writeBufferSizeMb, maxWriteBufferNumber, blockCacheSizeMb, value);
  }
}

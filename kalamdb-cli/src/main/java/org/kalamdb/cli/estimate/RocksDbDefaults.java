package org.kalamdb.cli.estimate;

/**
 * The "RocksDB defaults" profile: what a store gets when every column family is opened with {@code
 * new ColumnFamilyOptions()} (the seed's "before" code, {@code Options::default()} per CF), as
 * rocksdbjni 11.8.1 sets it up.
 *
 * <ul>
 *   <li>{@code write_buffer_size} 64 MB per column family: {@code size_t write_buffer_size = 64 <<
 *       20;} in {@code include/rocksdb/options.h} ("Note that write_buffer_size is enforced per
 *       column family"), default since RocksDB 4.7 (DEFAULT_OPTIONS_HISTORY.md: "changes from 4MB
 *       to 64MB").
 *   <li>{@code max_write_buffer_number} 2: {@code int max_write_buffer_number = 2;} in {@code
 *       include/rocksdb/advanced_options.h}; the seed's "3-4" is not the default.
 *   <li>Block cache 32 MB LRU per table factory: {@code BlockBasedTableOptions::block_cache} left
 *       null makes RocksDB create an internal cache for that table factory (8 MB in RocksDB before
 *       8.x, which is where the seed's "8MB per CF" comes from; 32 MB now). Each {@code
 *       ColumnFamilyOptions} carries its own table factory, so each column family has its own
 *       cache, not a shared one.
 * </ul>
 *
 * <p>Verified against the library the toolkit runs, rocksdbjni 11.8.1: {@code new
 * ColumnFamilyOptions().writeBufferSize()} is 67108864, {@code maxWriteBufferNumber()} is 2, and
 * {@code rocksdb.block-cache-capacity} of every column family opened that way is 33554432. The
 * worst case therefore is {@code CFs x 64 MB x 2 + CFs x 32 MB cache} = 160 MB per column family.
 * It leaves out what both profiles share (index and filter blocks of open SST files, arena slack),
 * exactly as {@code MemoryModel} does for a configuration.
 */
public final class RocksDbDefaults {

  /** RocksDB's default {@code write_buffer_size}, in MB. */
  public static final long WRITE_BUFFER_SIZE_MB = 64;

  /** RocksDB's default {@code max_write_buffer_number}. */
  public static final int MAX_WRITE_BUFFER_NUMBER = 2;

  /** Capacity of the internal LRU cache each default table factory (so each CF) creates, in MB. */
  public static final long BLOCK_CACHE_SIZE_MB_PER_CF = 32;

  private RocksDbDefaults() {}

  /** The worst case in MB: memtables and one cache per column family. */
  public static long worstCaseMb(int columnFamilies) {
    return Math.multiplyExact(
        (long) columnFamilies,
        WRITE_BUFFER_SIZE_MB * MAX_WRITE_BUFFER_NUMBER + BLOCK_CACHE_SIZE_MB_PER_CF);
  }

  /** The formula with its terms: {@code 17 x 64 MB x 2 + 17 x 32 MB cache}. */
  public static String formula(int columnFamilies) {
    return columnFamilies
        + " x "
        + WRITE_BUFFER_SIZE_MB
        + " MB x "
        + MAX_WRITE_BUFFER_NUMBER
        + " + "
        + columnFamilies
        + " x "
        + BLOCK_CACHE_SIZE_MB_PER_CF
        + " MB cache";
  }
}

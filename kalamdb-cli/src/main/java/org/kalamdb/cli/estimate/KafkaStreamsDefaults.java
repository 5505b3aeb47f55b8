package org.kalamdb.cli.estimate;

/**
 * What one RocksDB instance of a Kafka Streams state store gets without a config setter, from Kafka
 * Streams 4.4.0's {@code org.apache.kafka.streams.state.internals.RocksDBStore} (read from the
 * bytecode of {@code kafka-streams-4.4.0.jar}: {@code openDB}, {@code openRocksDB}):
 *
 * <ul>
 *   <li>{@code WRITE_BUFFER_SIZE = 16777216}, {@code MAX_WRITE_BUFFERS = 3}: the options Kafka
 *       builds for the store's data column families, the ones a {@code RocksDBConfigSetter} is
 *       given.
 *   <li>{@code new LRUCache(BLOCK_CACHE_SIZE)}, {@code BLOCK_CACHE_SIZE = 52428800}: a 50 MB block
 *       cache of the instance's own.
 *   <li>An {@code offsets} column family (changelog offsets, status, position) with options of its
 *       own, built before the setter runs and never handed to it: {@code new ColumnFamilyOptions()}
 *       with {@code setWriteBufferSize(1048576)}, so 1 MB x RocksDB's default of 2. Its table
 *       factory keeps RocksDB's own cache, which is not counted here: it only ever holds blocks of
 *       a few keys.
 *   <li>Column families: {@code RocksDBStore} ({@code Stores.persistentKeyValueStore}) opens {@code
 *       default} and {@code offsets}; {@code RocksDBTimestampedStore} ({@code
 *       Stores.persistentTimestampedKeyValueStore}, what the DSL materializes) opens {@code
 *       default}, {@code keyValueWithTimestamp} and {@code offsets}. The timestamped store's {@code
 *       default} is written only while upgrading old data, but it is a column family with the
 *       store's options, so the worst case counts its memtables.
 * </ul>
 *
 * <p>Every store, every partition of it and every segment of a window or session store is its own
 * RocksDB instance with all of the above.
 */
public final class KafkaStreamsDefaults {

  /** Kafka's {@code write_buffer_size} for a store's column families, in MB. */
  public static final long WRITE_BUFFER_SIZE_MB = 16;

  /** Kafka's {@code max_write_buffer_number} for a store's column families. */
  public static final int MAX_WRITE_BUFFER_NUMBER = 3;

  /** The LRU block cache each RocksDB instance gets of its own, in MB. */
  public static final long BLOCK_CACHE_SIZE_MB = 50;

  /** The offsets column family's {@code write_buffer_size}, in MB (a setter never sees it). */
  public static final long OFFSETS_WRITE_BUFFER_SIZE_MB = 1;

  /** The offsets column family's {@code max_write_buffer_number}: RocksDB's default. */
  public static final int OFFSETS_MAX_WRITE_BUFFER_NUMBER = 2;

  /**
   * Column families of a timestamped key-value store, the offsets one included: the default count,
   * the most a 4.4 store without headers has.
   */
  public static final int TIMESTAMPED_STORE_COLUMN_FAMILIES = 3;

  /** Column families of every store besides those with the store's options: {@code offsets}. */
  public static final int OFFSETS_COLUMN_FAMILIES = 1;

  private KafkaStreamsDefaults() {}

  /** The offsets column family's memtables of one instance, in MB: 1 MB x 2. */
  public static long offsetsMb() {
    return OFFSETS_WRITE_BUFFER_SIZE_MB * OFFSETS_MAX_WRITE_BUFFER_NUMBER;
  }

  /** The offsets term as printed: {@code 1 MB x 2 offsets}. */
  public static String offsetsTerm() {
    return OFFSETS_WRITE_BUFFER_SIZE_MB + " MB x " + OFFSETS_MAX_WRITE_BUFFER_NUMBER + " offsets";
  }

  /**
   * One instance's worst case in MB: {@code storeColumnFamilies x 16 MB x 3 + 1 MB x 2 + 50 MB}.
   */
  public static long perInstanceMb(int storeColumnFamilies) {
    return Math.addExact(
        Math.multiplyExact(
            (long) storeColumnFamilies, WRITE_BUFFER_SIZE_MB * MAX_WRITE_BUFFER_NUMBER),
        offsetsMb() + BLOCK_CACHE_SIZE_MB);
  }

  /** The formula with its terms: {@code 2 x 16 MB x 3 + 1 MB x 2 offsets + 50 MB cache}. */
  public static String perInstanceFormula(int storeColumnFamilies) {
    return storeColumnFamilies
        + " x "
        + WRITE_BUFFER_SIZE_MB
        + " MB x "
        + MAX_WRITE_BUFFER_NUMBER
        + " + "
        + offsetsTerm()
        + " + "
        + BLOCK_CACHE_SIZE_MB
        + " MB cache";
  }
}

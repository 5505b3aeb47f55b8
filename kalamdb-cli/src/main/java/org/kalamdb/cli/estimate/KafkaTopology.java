package org.kalamdb.cli.estimate;

import java.math.BigInteger;

/**
 * The shape of a Kafka Streams topology's RocksDB state: every store x partition x segment is one
 * RocksDB instance, each with {@code columnFamiliesPerStore} column families (its offsets column
 * family included).
 *
 * @param stores persistent state stores of the topology
 * @param partitions partitions of each store (its input topic's)
 * @param segments RocksDB instances per partition: a window or session store's segments, 1 for a
 *     key-value store
 * @param columnFamiliesPerStore column families of each instance, the offsets one included (see
 *     {@link KafkaStreamsDefaults})
 */
public record KafkaTopology(int stores, int partitions, int segments, int columnFamiliesPerStore) {

  /**
   * Checks every count and that the column families, counted as the memory model counts them (an
   * {@code int}), fit.
   *
   * @throws IllegalArgumentException naming the option or the product when they do not
   */
  public KafkaTopology {
    atLeast("--stores", stores, 1);
    atLeast("--partitions", partitions, 1);
    atLeast("--segments", segments, 1);
    if (columnFamiliesPerStore < 2) {
      throw new IllegalArgumentException(
          "--column-families-per-store must be >= 2 (every Kafka Streams 4.4 store has its offsets"
              + " column family), got "
              + columnFamiliesPerStore);
    }
    BigInteger columnFamilies =
        BigInteger.valueOf(stores)
            .multiply(BigInteger.valueOf(partitions))
            .multiply(BigInteger.valueOf(segments))
            .multiply(BigInteger.valueOf(columnFamiliesPerStore));
    if (columnFamilies.bitLength() >= Integer.SIZE) {
      throw new IllegalArgumentException(
          "the topology has "
              + columnFamilies
              + " column families ("
              + product(stores, partitions, segments)
              + " x "
              + columnFamiliesPerStore
              + "), more than the "
              + Integer.MAX_VALUE
              + " this estimate counts");
    }
  }

  /** RocksDB instances: stores x partitions x segments. */
  public int instances() {
    return stores * partitions * segments;
  }

  /** Column families of all instances together. */
  public int columnFamilies() {
    return instances() * columnFamiliesPerStore;
  }

  /** Column families of one instance that take the store's options (all but the offsets one). */
  public int storeColumnFamiliesPerInstance() {
    return columnFamiliesPerStore - KafkaStreamsDefaults.OFFSETS_COLUMN_FAMILIES;
  }

  /** Column families of all instances that take the store's options. */
  public int storeColumnFamilies() {
    return instances() * storeColumnFamiliesPerInstance();
  }

  /** {@code 10 stores x 4 partitions x 1 segment = 40}. */
  public String instancesFormula() {
    return product(stores, partitions, segments) + " = " + instances();
  }

  /** {@code 10 stores x 4 partitions x 1 segment}; static, for the constructor's check too. */
  private static String product(int stores, int partitions, int segments) {
    return stores
        + plural(" store", stores)
        + " x "
        + partitions
        + plural(" partition", partitions)
        + " x "
        + segments
        + plural(" segment", segments);
  }

  /**
   * {@code 40 instances x 3 column families = 120 (2 with the store's options + offsets, each)}.
   */
  public String columnFamiliesFormula() {
    return instances()
        + plural(" instance", instances())
        + " x "
        + columnFamiliesPerStore
        + " column families = "
        + columnFamilies()
        + " ("
        + storeColumnFamiliesPerInstance()
        + " with the store's options + offsets, each)";
  }

  private static void atLeast(String option, int value, int least) {
    if (value < least) {
      throw new IllegalArgumentException(option + " must be >= " + least + ", got " + value);
    }
  }

  private static String plural(String word, long count) {
    return count == 1 ? word : word + "s";
  }
}

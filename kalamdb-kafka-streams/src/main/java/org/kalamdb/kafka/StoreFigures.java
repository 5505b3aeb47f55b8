package org.kalamdb.kafka;

/**
 * The memory figures of one RocksDB instance, as RocksDB reported them in its last flush callback.
 *
 * @param storeName the instance's name as Kafka gave it
 * @param memTableActiveBytes {@code rocksdb.cur-size-active-mem-table}, all column families
 * @param memTableUnflushedBytes {@code rocksdb.cur-size-all-mem-tables}
 * @param memTableTotalBytes {@code rocksdb.size-all-mem-tables}
 * @param tableReadersBytes {@code rocksdb.estimate-table-readers-mem}
 */
record StoreFigures(
    String storeName,
    long memTableActiveBytes,
    long memTableUnflushedBytes,
    long memTableTotalBytes,
    long tableReadersBytes) {

  /** Before the first flush callback. */
  static StoreFigures none(String storeName) {
    return new StoreFigures(storeName, 0, 0, 0, 0);
  }
}

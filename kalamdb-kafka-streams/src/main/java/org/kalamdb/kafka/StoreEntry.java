package org.kalamdb.kafka;

/**
 * One RocksDB instance Kafka Streams opened with a {@link KalamRocksDBConfigSetter}: a store, a
 * partition of it, or a segment of a window or session store. Its figures are written by {@link
 * FlushFigures} on RocksDB's flush threads and read by samples; a plain value swap, no native
 * object.
 */
final class StoreEntry {
  private final String storeName;
  private final String threadName;
  private final SharedOptions shared;
  private volatile StoreFigures figures;

  StoreEntry(String storeName, String threadName, SharedOptions shared) {
    this.storeName = storeName;
    this.threadName = threadName;
    this.shared = shared;
    this.figures = StoreFigures.none(storeName);
  }

  /**
   * The instance's name as Kafka gave it to the setter ({@code <store>.<segment>} for segments).
   */
  String storeName() {
    return storeName;
  }

  /** The thread that opened it: a stream thread, or the test driver's thread. */
  String threadName() {
    return threadName;
  }

  SharedOptions shared() {
    return shared;
  }

  StoreFigures figures() {
    return figures;
  }

  void record(StoreFigures latest) {
    figures = latest;
  }
}

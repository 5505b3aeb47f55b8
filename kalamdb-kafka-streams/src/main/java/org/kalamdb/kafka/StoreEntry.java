package org.kalamdb.kafka;

/**
 * One RocksDB instance Kafka Streams opened with a {@link KalamRocksDBConfigSetter}: a store, a
 * partition of it, or a segment of a window or session store. Its figures are written by {@link
 * FlushFigures} on RocksDB's flush threads and read by samples; a plain value swap, no native
 * object.
 */
final class StoreEntry {
  private static final String STREAM_THREAD = "-StreamThread-";
  private static final String STATE_UPDATER = "-StateUpdater-";

  private final String storeName;
  private final String threadName;
  private final String streamThreadName;
  private final SharedOptions shared;
  private volatile StoreFigures figures;

  StoreEntry(String storeName, String threadName, SharedOptions shared) {
    this.storeName = storeName;
    this.threadName = threadName;
    this.streamThreadName = streamThreadOf(threadName);
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

  /**
   * The stream thread whose metrics name this store: {@link #threadName()}, or for a stream
   * thread's state updater ({@code <client>-StateUpdater-<n>}, named after {@code
   * <client>-StreamThread-<n>} in Kafka 4.4.0), which opens the segments restorations and standbys
   * create, its stream thread.
   */
  String streamThreadName() {
    return streamThreadName;
  }

  // Computed once here rather than on every sample of every store.
  private static String streamThreadOf(String threadName) {
    int at = threadName.lastIndexOf(STATE_UPDATER);
    return at < 0
        ? threadName
        : threadName.substring(0, at)
            + STREAM_THREAD
            + threadName.substring(at + STATE_UPDATER.length());
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

package org.kalamdb.junit;

import org.kalamdb.store.DatabaseWatch;
import org.kalamdb.store.MemoryUsage;
import org.kalamdb.store.PeakRecorder;
import org.kalamdb.store.StoreException;
import org.rocksdb.RocksDB;

/**
 * A database handed to {@link MemoryWatch#watch}: its watch, the extension's own recorder of its
 * peak (which the test's {@code resetPeak()} on the watch does not lower) and the settings its
 * budget comes from. Only the watch ever reads the database, and never once it is closed.
 */
final class WatchedDatabase {
  private final String name;
  private final DatabaseWatch watch;
  private final PeakRecorder recorder;
  private final StoreSettings settings;
  private final JvmStores.Entry live;

  /** Set when a test starts with the database already closed: nothing of it is judged then. */
  private volatile boolean closedBeforeTest;

  /**
   * @param db the database watched, only to see (through a Java field, without calling RocksDB)
   *     when its owner closed it, which takes it out of the JVM-wide sum
   * @param owner the test it belongs to in the JVM-wide registry
   */
  WatchedDatabase(
      String name, DatabaseWatch watch, StoreSettings settings, RocksDB db, JvmStores.Owner owner) {
    this.name = name;
    this.watch = watch;
    this.recorder = watch.recordPeaks();
    this.settings = settings;
    this.live =
        JvmStores.jvm()
            .register(
                "database '" + name + "'",
                owner,
                watch.recordPeaks(),
                () -> watch.databaseClosed() || !db.isOwningHandle());
  }

  String name() {
    return name;
  }

  StoreSettings settings() {
    return settings;
  }

  /**
   * Starts a new peak for the next test (a class-level watch serves several) from a fresh sample. A
   * database an earlier test closed has nothing left to judge; its last sample would otherwise
   * count against a test that never used it.
   */
  void resetPeak() {
    sample();
    recorder.reset();
    closedBeforeTest = watch.databaseClosed() || watch.isClosed();
  }

  /** The peak since the last reset, after one more sample (which a closed database skips). */
  MemoryUsage peak() {
    if (closedBeforeTest) {
      return MemoryUsage.NONE;
    }
    sample();
    return recorder.peak();
  }

  // On the test's thread (test start, and right after the test method): the one thread of the
  // extension that may read the test's database, as the test's own code is not running then.
  private void sample() {
    try {
      watch.sampleNow(); // returns empty, touching nothing, once the database is closed
    } catch (StoreException refused) {
      // One sample fewer; the recorder still holds every earlier one.
    }
  }

  int columnFamilyCount() {
    return watch.columnFamilyCount();
  }

  /** Stops the sampling; the database itself belongs to the test and stays as it is. */
  void close() {
    watch.close();
    recorder.close();
    live.close();
  }
}

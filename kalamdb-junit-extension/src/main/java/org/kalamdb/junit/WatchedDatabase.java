package org.kalamdb.junit;

import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.kalamdb.store.DatabaseWatch;
import org.kalamdb.store.MemorySource;
import org.kalamdb.store.MemoryUsage;
import org.kalamdb.store.PeakRecorder;
import org.kalamdb.store.SourceWatch;
import org.kalamdb.store.StoreException;
import org.rocksdb.RocksDB;

/**
 * Something handed to {@link MemoryWatch#watch}: a database (through its {@link DatabaseWatch}) or
 * a {@link MemorySource} (through its {@link SourceWatch}), the extension's own recorder of its
 * peak (which the test's {@code resetPeak()} on the watch does not lower) and the settings its
 * budget comes from. Only the watch ever reads the database, and never once it is closed.
 */
final class WatchedDatabase {

  /** What the two kinds of watch have in common for the check. */
  private interface Sampled {
    /** A sample now, on the test's thread; nothing when the database was closed. */
    void sample();

    PeakRecorder recordPeaks();

    /** Whether there is nothing left to sample: the watch stopped or the database was closed. */
    boolean ended();

    /** The lasting stalls the watch's cap or source counted so far; a Java counter. */
    long lastingStalls();

    void close();
  }

  private final String name;
  private final boolean database;
  private final Sampled watch;
  private final IntSupplier columnFamilyCount;
  private final PeakRecorder recorder;
  private final StoreSettings settings;
  private final JvmStores.Entry live;
  private final LastingStalls stalls;

  /** Set when a test starts with the database already closed: nothing of it is judged then. */
  private volatile boolean closedBeforeTest;

  private WatchedDatabase(
      String name,
      boolean database,
      Sampled watch,
      IntSupplier columnFamilyCount,
      StoreSettings settings,
      JvmStores.Owner owner,
      BooleanSupplier closedByOwner) {
    this.name = name;
    this.database = database;
    this.watch = watch;
    this.columnFamilyCount = columnFamilyCount;
    this.recorder = watch.recordPeaks();
    this.settings = settings;
    this.live = JvmStores.jvm().register(subject(), owner, watch.recordPeaks(), closedByOwner);
    this.stalls = new LastingStalls(subject(), watch::lastingStalls);
  }

  /**
   * A database: {@code db} only to see (through a Java field, without calling RocksDB) when its
   * owner closed it, which takes it out of the JVM-wide sum; {@code owner} is the test it belongs
   * to in the JVM-wide registry.
   */
  static WatchedDatabase of(
      String name, DatabaseWatch watch, StoreSettings settings, RocksDB db, JvmStores.Owner owner) {
    Sampled sampled =
        new Sampled() {
          @Override
          public void sample() {
            try {
              watch.sampleNow(); // returns empty, touching nothing, once the database is closed
            } catch (StoreException refused) {
              // One sample fewer; the recorder still holds every earlier one.
            }
          }

          @Override
          public PeakRecorder recordPeaks() {
            return watch.recordPeaks();
          }

          @Override
          public boolean ended() {
            return watch.databaseClosed() || watch.isClosed();
          }

          @Override
          public long lastingStalls() {
            return watch.lastingStalls();
          }

          @Override
          public void close() {
            watch.close();
          }
        };
    return new WatchedDatabase(
        name,
        true,
        sampled,
        watch::columnFamilyCount,
        settings,
        owner,
        () -> watch.databaseClosed() || !db.isOwningHandle());
  }

  /** A memory source, sampled by its watch in the background and on the test's thread. */
  static WatchedDatabase of(
      String name, SourceWatch watch, StoreSettings settings, JvmStores.Owner owner) {
    Sampled sampled =
        new Sampled() {
          @Override
          public void sample() {
            try {
              watch.sampleNow();
            } catch (RuntimeException refused) {
              // One sample fewer; the recorder still holds every earlier one.
            }
          }

          @Override
          public PeakRecorder recordPeaks() {
            return watch.recordPeaks();
          }

          @Override
          public boolean ended() {
            return watch.isClosed();
          }

          @Override
          public long lastingStalls() {
            return watch.lastingStalls();
          }

          @Override
          public void close() {
            watch.close();
          }
        };
    // A source's parts (e.g. a Kafka Streams application's stores) stand for column families in
    // the worst case of the config; at least one.
    IntSupplier parts = () -> Math.max(1, watch.peak().memTableBytesByColumnFamily().size());
    return new WatchedDatabase(name, false, sampled, parts, settings, owner, watch::isClosed);
  }

  String name() {
    return name;
  }

  /** How messages name it: {@code database 'repo'} or {@code source 'app'}. */
  String subject() {
    return (database ? "database '" : "source '") + name + "'";
  }

  /** Whether this is a database (measured at database level, no parts to list). */
  boolean isDatabase() {
    return database;
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
    watch.sample();
    recorder.reset();
    closedBeforeTest = watch.ended();
    stalls.testStarted();
  }

  /** The lasting write stalls of the watch since the current test began. */
  LastingStalls lastingStalls() {
    return stalls;
  }

  /** The peak since the last reset, after one more sample (which a closed database skips). */
  MemoryUsage peak() {
    if (closedBeforeTest) {
      return MemoryUsage.NONE;
    }
    watch.sample();
    return recorder.peak();
  }

  /** Column families of a database (at its start); parts of a source (at its peak). */
  int columnFamilyCount() {
    return columnFamilyCount.getAsInt();
  }

  /** Stops the sampling; the database itself belongs to the test and stays as it is. */
  void close() {
    watch.close();
    recorder.close();
    live.close();
  }
}

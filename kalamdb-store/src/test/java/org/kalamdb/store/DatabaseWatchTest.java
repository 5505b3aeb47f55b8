package org.kalamdb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.config.RocksDbConfig;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/** Memory watches of databases their owners opened (and close) themselves. */
class DatabaseWatchTest {

  private static final int KB = 1 << 10;
  private static final int MB = 1 << 20;

  @TempDir Path dir;

  @Test
  void aDatabaseOpenedWithTheOptionsIsMeasuredLikeAStore() throws Exception {
    RocksDbConfig capped = RocksDbConfig.defaults().withMemtableLimitMb(16);
    List<String> names = List.of("default", "users", "orders");
    try (RocksDbOptions opts = RocksDbOptions.from(capped);
        OwnDatabase own = new OwnDatabase(opts, dir, names);
        DatabaseWatch watch = DatabaseWatch.start("repo", own.db, opts.cache(), opts.cache())) {
      assertThat(watch.name()).isEqualTo("repo");
      assertThat(watch.path()).isEqualTo(dir.toString());
      assertThat(watch.columnFamilyCount()).isEqualTo(3);
      assertThat(watch.config()).contains(capped);
      Workload workload = new Workload(1000, 1000);
      for (int i = 0; i < 2000; i++) {
        own.put(names.get(1 + i % 2), Workload.key(i), workload.value());
      }
      MemoryUsage watched = watch.sampleNow().orElseThrow();
      Map<String, ColumnFamilyHandle> handles =
          Map.of(
              "default",
              own.handles.get(0),
              "users",
              own.handle("users"),
              "orders",
              own.handle("orders"));
      MemoryUsage byHandles = MemoryAccountant.ofCapped(own.db, handles, opts.cache()).measure();

      assertThat(watched.memTableTotalBytes())
          .isEqualTo(byHandles.memTableTotalBytes())
          .isGreaterThan(MB);
      assertThat(watched.memTableBytesByColumnFamily()).isEmpty();
      // The cache was given twice but is counted once; the reservations are taken out of it.
      assertThat(watched.blockCacheBytes()).isEqualTo(opts.cache().getUsage());
      assertThat(watched.memTableChargedToCacheBytes()).isEqualTo(watched.memTableTotalBytes());
      assertThat(watched.total()).isEqualTo(byHandles.total());
      assertThat(watch.peak().total()).isGreaterThanOrEqualTo(watched.total());
    }
  }

  @Test
  void aDatabaseOpenedAnyOtherWayIsMeasuredWithoutCaches() throws Exception {
    try (org.rocksdb.Options options = new org.rocksdb.Options().setCreateIfMissing(true);
        RocksDB db = RocksDB.open(options, dir.toString());
        DatabaseWatch watch = DatabaseWatch.start("plain", db)) {
      db.put(Workload.key(1), new byte[100 * KB]);
      MemoryUsage usage = watch.sampleNow().orElseThrow();
      assertThat(usage.memTableTotalBytes()).isGreaterThan(100 * KB);
      assertThat(usage.memTableChargedToCacheBytes()).isZero();
      assertThat(watch.config()).isEmpty();
      assertThat(watch.columnFamilyCount()).isEqualTo(1);
    }
  }

  @Test
  void theListenerSamplesAtEveryMemtableSealAndFlush() throws Exception {
    RocksDbConfig small = RocksDbConfig.defaults().withWriteBufferSizeMb(1);
    try (RocksDbOptions opts = RocksDbOptions.from(small);
        OwnDatabase own = new OwnDatabase(opts, dir, List.of("default", "t"));
        DatabaseWatch watch = DatabaseWatch.start("repo", own.db, opts.cache())) {
      Workload workload = new Workload(4 * KB, 4 * KB);
      for (int i = 0; i < 2000; i++) { // about 8 MB: several 1 MB memtables sealed and flushed
        own.put("t", Workload.key(i), workload.value());
      }
      try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
        own.db.flush(flush, own.handles);
      }
      assertThat(watch.listenerSamples()).isGreaterThanOrEqualTo(4);
      // A seal samples a full memtable: about one write buffer, more than any background sample
      // of a single memtable could be sure to catch.
      assertThat(watch.peak().memTableTotalBytes()).isGreaterThan(MB * 9L / 10);
    }
  }

  @Test
  void aWatchWithoutTheCacheFindsTheListenerAtTheFirstFlush() throws Exception {
    RocksDbConfig small = RocksDbConfig.defaults().withWriteBufferSizeMb(1);
    try (RocksDbOptions opts = RocksDbOptions.from(small);
        OwnDatabase own = new OwnDatabase(opts, dir, List.of("default"));
        DatabaseWatch watch = DatabaseWatch.start("repo", own.db)) {
      for (int i = 0; i < 800; i++) {
        own.db.put(Workload.key(i), new byte[4 * KB]);
      }
      try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
        own.db.flush(flush);
      }
      assertThat(watch.listenerSamples()).isPositive();
    }
  }

  /**
   * No background thread calls RocksDB on a watched database (issue 16: a background sample inside
   * RocksDB while the owner closes crashes the JVM): memtables that grow between flushes of an
   * uncapped database are seen by the next sample on the owner's side, not in the background.
   */
  @Test
  void theBackgroundNeverReadsTheDatabase() throws Exception {
    try (RocksDbOptions opts = RocksDbOptions.from(RocksDbConfig.defaults());
        OwnDatabase own = new OwnDatabase(opts, dir, List.of("default", "t"));
        DatabaseWatch watch = DatabaseWatch.start("repo", own.db, opts.cache())) {
      long atStart = watch.peak().memTableTotalBytes();
      writeSealingMemtables(own, 0, 600); // 2.4 MB into an 8 MB write buffer: no flush
      Thread.sleep(4 * PeakSampler.BACKGROUND_PERIOD_MILLIS);
      assertThat(watch.peak().memTableTotalBytes()).isEqualTo(atStart);
      assertThat(watch.sampleNow().orElseThrow().memTableTotalBytes()).isGreaterThan(2 * MB);
      assertThat(watch.peak().memTableTotalBytes()).isGreaterThan(2 * MB);
    }
  }

  /**
   * With the hard cap the background reads the shared cache through its options, which hold the
   * memtables' reservations: growth between flushes is seen without touching the database.
   */
  @Test
  void theBackgroundFollowsTheCappedCache() throws Exception {
    RocksDbConfig capped = RocksDbConfig.defaults().withMemtableLimitMb(16);
    try (RocksDbOptions opts = RocksDbOptions.from(capped);
        OwnDatabase own = new OwnDatabase(opts, dir, List.of("default", "t"));
        DatabaseWatch watch = DatabaseWatch.start("repo", own.db, opts.cache())) {
      writeSealingMemtables(own, 0, 600); // 2.4 MB, under the cap: no flush
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (watch.peak().total() < 2 * MB && System.nanoTime() < deadline) {
        Thread.sleep(PeakSampler.BACKGROUND_PERIOD_MILLIS);
      }
      assertThat(watch.peak().total()).isGreaterThan(2 * MB);
      assertThat(watch.listenerSamples()).isZero();
    }
  }

  /** A flush job samples the watches of its own database only, also when options are shared. */
  @Test
  void aFlushSamplesOnlyTheWatchesOfItsDatabase() throws Exception {
    try (RocksDbOptions opts = RocksDbOptions.from(RocksDbConfig.defaults());
        OwnDatabase a = new OwnDatabase(opts, dir.resolve("a"), List.of("default", "t"));
        OwnDatabase b = new OwnDatabase(opts, dir.resolve("b"), List.of("default", "t"));
        DatabaseWatch watchA = DatabaseWatch.start("a", a.db, opts.cache());
        DatabaseWatch watchB = DatabaseWatch.start("b", b.db, opts.cache())) {
      writeSealingMemtables(a, 0, 100);
      writeSealingMemtables(b, 0, 100);
      try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
        a.db.flush(flush, a.handles);
      }
      assertThat(watchA.listenerSamples()).isPositive();
      assertThat(watchB.listenerSamples()).isZero();
    }
  }

  /**
   * A watch its user never closed is forgotten once its database is: the next flush of any database
   * on the same options drops it, so the static list of live watches does not grow for ever.
   */
  @Test
  void aWatchOfAClosedDatabaseIsDroppedAtTheNextFlush() throws Exception {
    try (RocksDbOptions opts = RocksDbOptions.from(RocksDbConfig.defaults());
        OwnDatabase other = new OwnDatabase(opts, dir.resolve("other"), List.of("default", "t"))) {
      OwnDatabase own = new OwnDatabase(opts, dir.resolve("own"), List.of("default", "t"));
      DatabaseWatch forgotten = DatabaseWatch.start("forgotten", own.db); // never closed
      assertThat(forgotten.isLive()).isTrue();
      own.close();
      writeSealingMemtables(other, 0, 10);
      try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
        other.db.flush(flush, other.handles);
      }
      assertThat(forgotten.isLive()).isFalse();
      assertThat(forgotten.databaseClosed()).isTrue();
    }
  }

  @Test
  void peaksResetIndependentlyAndOutliveTheDatabase() throws Exception {
    RocksDbOptions opts = RocksDbOptions.from(RocksDbConfig.defaults());
    OwnDatabase own = new OwnDatabase(opts, dir, List.of("default"));
    DatabaseWatch watch = DatabaseWatch.start("repo", own.db, opts.cache());
    PeakRecorder check = watch.recordPeaks();
    own.db.put(Workload.key(1), new byte[300 * KB]);
    MemoryUsage full = watch.sampleNow().orElseThrow();
    watch.resetPeak();
    // From the last sample (this one, or a background one of the same memtable), none taken.
    assertThat(watch.peak().memTableTotalBytes()).isEqualTo(full.memTableTotalBytes());
    try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
      own.db.flush(flush);
    }
    watch.sampleNow();
    watch.resetPeak();
    assertThat(watch.peak().memTableTotalBytes()).isLessThan(full.memTableTotalBytes());
    // The user's reset left this recorder alone.
    assertThat(check.peak().memTableTotalBytes()).isGreaterThanOrEqualTo(full.memTableTotalBytes());

    own.close();
    opts.close();
    assertThat(watch.sampleNow()).isEmpty();
    assertThat(watch.databaseClosed()).isTrue();
    assertThat(check.peak().memTableTotalBytes()).isGreaterThanOrEqualTo(full.memTableTotalBytes());
    check.reset();
    assertThat(check.peak().total()).isLessThan(full.total());
    check.close();
    watch.close();
    watch.close();
    assertThat(watch.isClosed()).isTrue();
    assertThat(watch.peak()).isNotNull();
    assertThat(watch.toString()).contains("database closed");
  }

  @Test
  void aClosedDatabaseCannotBeWatched() throws Exception {
    RocksDbOptions opts = RocksDbOptions.from(RocksDbConfig.defaults());
    OwnDatabase own = new OwnDatabase(opts, dir, List.of("default"));
    own.close();
    opts.close();
    assertThatThrownBy(() -> DatabaseWatch.start("repo", own.db))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'repo' is closed");
  }

  @Test
  void aCacheClosedWithItsOptionsIsReadThroughTheDatabase() throws Exception {
    RocksDbConfig capped = RocksDbConfig.defaults().withWriteBufferSizeMb(1).withMemtableLimitMb(4);
    RocksDbOptions opts = RocksDbOptions.from(capped);
    org.rocksdb.Cache cache = opts.cache();
    try (OwnDatabase own = new OwnDatabase(opts, dir, List.of("default", "t"));
        DatabaseWatch before = DatabaseWatch.start("before", own.db, cache)) {
      opts.close(); // harmless for the database (RocksDbOptionsTest); the cache object is closed
      try (DatabaseWatch after = DatabaseWatch.start("after", own.db, cache)) {
        assertThat(after.config()).contains(capped);
        long seals = before.listenerSamples();
        Workload workload = new Workload(4 * KB, 4 * KB);
        for (int i = 0; i < 1000; i++) {
          own.put("t", Workload.key(i), workload.value());
        }
        // The listener outlived the options object, and so did the cap's accounting.
        assertThat(before.listenerSamples()).isGreaterThan(seals);
        assertThat(after.listenerSamples()).isPositive();
        MemoryUsage usage = after.sampleNow().orElseThrow();
        assertThat(usage.blockCacheBytes()).isPositive(); // the reservations, via the database
        assertThat(usage.memTableChargedToCacheBytes()).isEqualTo(usage.memTableTotalBytes());
        assertThat(before.sampleNow()).isPresent();
      }
    }
  }

  /**
   * The owner closes its database before, during (from another thread) and after writing, while the
   * watch samples in the background and at every seal and flush: no crash, and the peak keeps what
   * was seen before the close.
   */
  @Test
  void closingTheWatchedDatabaseAtAnyMomentNeverCrashes() throws Exception {
    RocksDbConfig config =
        RocksDbConfig.defaults().withWriteBufferSizeMb(1).withBlockCacheSizeMb(1);
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    long start = System.nanoTime();
    int iterations = 200;
    for (int i = 0; i < iterations; i++) {
      Path db = dir.resolve("db" + (i % 4));
      RocksDbOptions opts = RocksDbOptions.from(config);
      OwnDatabase own = new OwnDatabase(opts, db, List.of("default", "t"));
      DatabaseWatch watch = DatabaseWatch.start("repo", own.db, opts.cache());
      MemoryUsage first = watch.peak();
      switch (i % 3) {
        case 0 -> own.close(); // before writing
        case 1 -> closeWhileWriting(own, failures);
        default -> {
          writeSealingMemtables(own, 0, 600);
          own.close(); // after writing
        }
      }
      assertThat(watch.sampleNow()).isEmpty();
      assertThat(watch.databaseClosed()).isTrue();
      assertThat(watch.peak().total()).isGreaterThanOrEqualTo(first.total());
      if (i % 3 == 2) {
        // 2.4 MB written into 1 MB memtables: a seal sampled one full memtable.
        assertThat(watch.peak().memTableTotalBytes()).isGreaterThan(MB * 9L / 10);
      }
      watch.close();
      opts.close();
    }
    System.out.printf(
        "%d watched databases closed before/during/after writing: %d ms%n",
        iterations, (System.nanoTime() - start) / 1_000_000);
    assertThat(failures).isEmpty();
  }

  private static void writeSealingMemtables(OwnDatabase own, int from, int to)
      throws RocksDBException {
    byte[] value = new byte[4 * KB];
    try (WriteOptions noWal = new WriteOptions().setDisableWAL(true)) {
      for (int k = from; k < to; k++) {
        value[0] = (byte) k;
        own.db.put(own.handle("t"), noWal, Workload.key(k), value);
      }
    }
  }

  /** A writer on one thread, the owner closing from another halfway through. */
  private static void closeWhileWriting(OwnDatabase own, Queue<Throwable> failures)
      throws InterruptedException {
    // The writer's own guard: writing to a closed RocksDB crashes whatever watches it.
    ReentrantReadWriteLock guard = new ReentrantReadWriteLock();
    CountDownLatch halfway = new CountDownLatch(1);
    Thread writer =
        new Thread(
            () -> {
              for (int k = 0; k < 2000; k++) {
                guard.readLock().lock();
                try {
                  if (!own.db.isOwningHandle()) {
                    return;
                  }
                  writeSealingMemtables(own, k, k + 1);
                } catch (Throwable e) {
                  failures.add(e);
                  return;
                } finally {
                  guard.readLock().unlock();
                }
                if (k == 300) {
                  halfway.countDown();
                }
              }
            });
    Thread closer =
        new Thread(
            () -> {
              try {
                halfway.await();
                guard.writeLock().lock();
                try {
                  own.close();
                } finally {
                  guard.writeLock().unlock();
                }
              } catch (Throwable e) {
                failures.add(e);
              }
            });
    writer.start();
    closer.start();
    writer.join();
    halfway.countDown();
    closer.join();
  }

  @Test
  void aSampleCostsLittle() throws Exception {
    try (RocksDbOptions opts =
            RocksDbOptions.from(RocksDbConfig.defaults().withMemtableLimitMb(8));
        OwnDatabase own =
            new OwnDatabase(opts, dir, List.of("default", "a", "b", "c", "d", "e", "f"));
        DatabaseWatch watch = DatabaseWatch.start("repo", own.db, opts.cache())) {
      for (int i = 0; i < 10_000; i++) {
        watch.sampleNow();
      }
      int n = 20_000;
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        watch.sampleNow();
      }
      double micros = (System.nanoTime() - start) / 1000.0 / n;
      System.out.printf("a database-level sample of 7 column families: %.1f us%n", micros);
      assertThat(micros).isLessThan(1000);
    }
  }

  @Test
  void createdFamiliesAreCountedAtStart() throws Exception {
    try (RocksDbOptions opts = RocksDbOptions.from(RocksDbConfig.defaults());
        OwnDatabase own = new OwnDatabase(opts, dir, List.of("default"))) {
      own.handles.add(
          own.db.createColumnFamily(
              new ColumnFamilyDescriptor(OwnDatabase.bytes("t1"), opts.columnFamilyOptions("t1"))));
      try (DatabaseWatch watch = DatabaseWatch.start("repo", own.db, opts.cache())) {
        assertThat(watch.columnFamilyCount()).isEqualTo(2);
      }
    }
  }
}

package org.kalamdb.store;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Reports a write buffer manager stall that lasts: the memtables under a hard cap hold its whole
 * limit and no flush begins or completes for {@link RocksDbOptions#LASTING_STALL}. Then every
 * writer of every database under the cap waits until memory is freed, and nothing is freeing it;
 * with one manager shared by many databases that can last for ever (rocksdb#11780: a flush is only
 * started in the database being written, and idle databases may hold the memory). The report is one
 * warning on {@link System.Logger} {@code org.kalamdb.store}, once per stall, and a count, {@link
 * RocksDbOptions#lastingStalls()}.
 *
 * <p>What it reads, never a database: the shared cache's pinned usage, through {@link
 * RocksDbOptions#cacheUsage()} (under the options' lock; the manager's reservations are pinned
 * entries of that cache, so the figure follows the memtables under the cap), and the flush events
 * the options' listener counted. One daemon thread checks every live capped options once a second.
 */
final class StallWatch {

  private static final long CHECK_MILLIS = 1000;
  private static final System.Logger LOG = System.getLogger("org.kalamdb.store");
  private static final ScheduledExecutorService CHECKER =
      DaemonThreads.scheduler("kalamdb-stall-watch");

  private final long limitBytes;
  private final Supplier<Optional<RocksDbOptions.CacheUsage>> cache;
  private final LongSupplier flushEvents;
  private final long reportAfterNanos;
  private final AtomicLong stalls = new AtomicLong();
  private long lastFlushEvents = -1;
  private long fullSinceNanos = -1;
  private boolean reported;
  private ScheduledFuture<?> task;

  /** A watch that checks only when {@link #check} is called; {@link #start} schedules one. */
  StallWatch(
      long limitBytes,
      Supplier<Optional<RocksDbOptions.CacheUsage>> cache,
      LongSupplier flushEvents,
      Duration reportAfter) {
    this.limitBytes = limitBytes;
    this.cache = cache;
    this.flushEvents = flushEvents;
    this.reportAfterNanos = reportAfter.toNanos();
  }

  /** Starts checking once a second until {@link #stop()}. */
  static StallWatch start(
      long limitBytes,
      Supplier<Optional<RocksDbOptions.CacheUsage>> cache,
      LongSupplier flushEvents,
      Duration reportAfter) {
    StallWatch watch = new StallWatch(limitBytes, cache, flushEvents, reportAfter);
    synchronized (watch) {
      watch.task =
          CHECKER.scheduleWithFixedDelay(
              watch::checkQuietly, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }
    return watch;
  }

  /** Lasting stalls reported so far. */
  long stalls() {
    return stalls.get();
  }

  private void checkQuietly() {
    try {
      check(System.nanoTime());
    } catch (RuntimeException e) {
      // A failed check must not end the shared task.
    }
  }

  /**
   * One check at {@code now}; package-private for tests that drive the clock. The cache is read
   * before this watch's lock is taken: reading takes the options' lock, and the options' close,
   * holding that lock, stops this watch, which takes this one.
   */
  void check(long now) {
    Optional<RocksDbOptions.CacheUsage> usage = cache.get();
    if (usage.isEmpty()) {
      return; // the options were closed
    }
    long events = flushEvents.getAsLong();
    judge(usage.get(), events, now);
  }

  private synchronized void judge(RocksDbOptions.CacheUsage usage, long events, long now) {
    boolean full = usage.pinnedBytes() >= limitBytes;
    boolean flushed = events != lastFlushEvents;
    lastFlushEvents = events;
    if (!full || flushed) {
      fullSinceNanos = -1;
      reported = false;
      return;
    }
    if (fullSinceNanos < 0) {
      fullSinceNanos = now;
    } else if (!reported && now - fullSinceNanos >= reportAfterNanos) {
      reported = true;
      stalls.incrementAndGet();
      LOG.log(
          Level.WARNING,
          "kalamdb: the memtables under the shared cap of {0} have held it ({1} reserved) for {2}"
              + " s with no flush begun or completed: every write to a database under this cap"
              + " waits until memory is freed, and nothing is freeing it (a write buffer manager"
              + " stall, rocksdb#11780: idle databases hold the memory; size arena blocks for"
              + " every column family under the cap, or flush the idle databases)",
          MemoryUsage.mb(limitBytes),
          MemoryUsage.mb(usage.pinnedBytes()),
          (now - fullSinceNanos) / 1_000_000_000L);
    }
  }

  /** Stops checking; a check already running finishes. */
  synchronized void stop() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }
}

package org.kalamdb.store;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps the highest {@link MemoryUsage#total()} seen for one store. Samples come from three places,
 * cheap enough to leave on everywhere: the writing thread after every {@link
 * #WRITE_BYTES_PER_SAMPLE} bytes written through the store, a background task every {@link
 * #BACKGROUND_PERIOD_MILLIS} ms on one daemon thread shared by all stores (it catches writes made
 * through {@link KalamStore#db()} and flushes), and the reader of the peak. Thread safe.
 */
final class PeakSampler {

  /** Bytes of keys and values written between two samples taken by writers. */
  static final long WRITE_BYTES_PER_SAMPLE = 1 << 20;

  /** Period of the shared background sampler. */
  static final long BACKGROUND_PERIOD_MILLIS = 100;

  private static final ScheduledExecutorService SCHEDULER = newScheduler();

  private final AtomicReference<MemoryUsage> peak = new AtomicReference<>(MemoryUsage.NONE);
  private final AtomicLong unsampledBytes = new AtomicLong();
  private ScheduledFuture<?> background;

  private static ScheduledExecutorService newScheduler() {
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "kalamdb-store-peak-sampler");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.setRemoveOnCancelPolicy(true);
    return scheduler;
  }

  /** Keeps {@code usage} if its total is the highest so far. */
  void record(MemoryUsage usage) {
    peak.accumulateAndGet(usage, (old, now) -> now.total() > old.total() ? now : old);
  }

  /**
   * Counts bytes just written; true for exactly one of the callers whenever another {@link
   * #WRITE_BYTES_PER_SAMPLE} bytes have gone by, who should then take a sample.
   */
  boolean wrote(long bytes) {
    if (unsampledBytes.addAndGet(bytes) < WRITE_BYTES_PER_SAMPLE) {
      return false;
    }
    return unsampledBytes.getAndSet(0) >= WRITE_BYTES_PER_SAMPLE;
  }

  MemoryUsage peak() {
    return peak.get();
  }

  /** Forgets the peak; the caller records a fresh sample right after. */
  void reset() {
    peak.set(MemoryUsage.NONE);
    unsampledBytes.set(0);
  }

  /** Runs {@code sample} periodically on the shared thread until {@link #stop()}. */
  synchronized void start(Runnable sample) {
    background =
        SCHEDULER.scheduleWithFixedDelay(
            sample, BACKGROUND_PERIOD_MILLIS, BACKGROUND_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Stops the background task; a run already started finishes (the store's lock handles that). */
  synchronized void stop() {
    if (background != null) {
      background.cancel(false);
      background = null;
    }
  }
}

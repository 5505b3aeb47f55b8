package org.kalamdb.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the samples of one store or watched database: the most recent one, its own peak and the
 * {@link PeakRecorder}s handed out. Samples come from places cheap enough to leave on everywhere:
 * the writing thread after every {@link #WRITE_BYTES_PER_SAMPLE} bytes written through the store, a
 * background task every {@link #BACKGROUND_PERIOD_MILLIS} ms on one daemon thread shared by all
 * stores and watches (it catches writes made through {@link KalamStore#db()} and flushes), the
 * listener of {@link RocksDbOptions} at memtable seals and flush starts, and the reader of the
 * peak. Thread safe.
 */
final class PeakSampler {

  /** Bytes of keys and values written between two samples taken by writers. */
  static final long WRITE_BYTES_PER_SAMPLE = 1 << 20;

  /** Period of the shared background sampler. */
  static final long BACKGROUND_PERIOD_MILLIS = 100;

  private static final ScheduledExecutorService SCHEDULER =
      DaemonThreads.scheduler("kalamdb-store-peak-sampler");

  private volatile MemoryUsage latest = MemoryUsage.NONE;
  private final PeakRecorder own = new PeakRecorder(() -> latest, () -> {});
  private final List<PeakRecorder> recorders = new CopyOnWriteArrayList<>();
  private final AtomicLong unsampledBytes = new AtomicLong();
  private ScheduledFuture<?> background;

  /** Feeds {@code usage} to the own peak and to every recorder. */
  void record(MemoryUsage usage) {
    latest = usage;
    own.record(usage);
    for (PeakRecorder recorder : recorders) {
      recorder.record(usage);
    }
  }

  /** A new recorder starting at the most recent sample, fed until it is closed. */
  PeakRecorder newRecorder() {
    PeakRecorder[] created = new PeakRecorder[1];
    created[0] = new PeakRecorder(() -> latest, () -> recorders.remove(created[0]));
    recorders.add(created[0]);
    return created[0];
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
    return own.peak();
  }

  /** The most recent sample, {@link MemoryUsage#NONE} before the first. */
  MemoryUsage latest() {
    return latest;
  }

  /** Forgets the own peak (not the recorders'); the caller records a fresh sample right after. */
  void reset() {
    own.resetTo(MemoryUsage.NONE);
    unsampledBytes.set(0);
  }

  /** Runs {@code sample} periodically on the shared thread until {@link #stop()}. */
  synchronized void start(Runnable sample) {
    background =
        SCHEDULER.scheduleWithFixedDelay(
            sample, BACKGROUND_PERIOD_MILLIS, BACKGROUND_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Stops the background task; a run already started finishes (its owner guards that). */
  synchronized void stop() {
    if (background != null) {
      background.cancel(false);
      background = null;
    }
  }
}

package org.kalamdb.store;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One high-water mark of a {@link KalamStore} or a {@link DatabaseWatch}, independent of every
 * other: fed by every sample its source takes (in the background, after writes, on calls, at
 * memtable seals and flushes, and one last sample when a store closes), and reset only by its own
 * {@link #reset()}. Reading it never touches the database, so it works after the store or the
 * watched database was closed. Get one from {@link KalamStore#recordPeaks()} or {@link
 * DatabaseWatch#recordPeaks()}; a budget check keeps one per check, so neither the store's own
 * {@link KalamStore#resetPeak()} nor another check's reset disturbs it. Thread safe.
 */
public final class PeakRecorder implements AutoCloseable {

  private final AtomicReference<MemoryUsage> peak;
  private final AtomicReference<MemoryUsage> peakWithFiles;
  private final Supplier<MemoryUsage> latest;
  private final Runnable detach;
  private volatile boolean stopped;

  /**
   * @param latest the source's most recent sample ({@link MemoryUsage#NONE} before the first)
   * @param detach stops the source from feeding this recorder
   */
  PeakRecorder(Supplier<MemoryUsage> latest, Runnable detach) {
    this.latest = Objects.requireNonNull(latest, "latest");
    this.detach = Objects.requireNonNull(detach, "detach");
    this.peak = new AtomicReference<>(latest.get());
    this.peakWithFiles = new AtomicReference<>(latest.get());
  }

  /** Keeps {@code usage} if its total is the highest so far and the recorder was not closed. */
  void record(MemoryUsage usage) {
    if (!stopped) {
      peak.accumulateAndGet(usage, (old, now) -> now.total() > old.total() ? now : old);
      peakWithFiles.accumulateAndGet(
          usage,
          (old, now) -> now.totalWithInMemoryFiles() > old.totalWithInMemoryFiles() ? now : old);
    }
  }

  /**
   * The sample with the highest {@link MemoryUsage#total()} since this recorder was created or last
   * {@link #reset()}; never touches the database.
   */
  public MemoryUsage peak() {
    return peak.get();
  }

  /**
   * The sample with the highest {@link MemoryUsage#totalWithInMemoryFiles()} since this recorder
   * was created or last reset: for a memory store whose budget counts its files, where a flush
   * moves memory from memtables (the highest {@link #peak()}) into files. The same as {@link
   * #peak()} on disk, where files hold no memory.
   */
  public MemoryUsage peakWithInMemoryFiles() {
    return peakWithFiles.get();
  }

  /**
   * Starts a new high-water mark from the source's most recent sample (not a new one: this never
   * touches the database). Other recorders and the source's own peak are left alone.
   */
  public void reset() {
    MemoryUsage now = latest.get();
    peak.set(now);
    peakWithFiles.set(now);
  }

  /** Starts a new high-water mark at {@code usage}. */
  void resetTo(MemoryUsage usage) {
    peak.set(usage);
    peakWithFiles.set(usage);
  }

  /**
   * Stops recording: later samples are ignored and the source forgets this recorder; {@link
   * #peak()} keeps the value reached. Idempotent.
   */
  @Override
  public void close() {
    if (!stopped) {
      stopped = true;
      detach.run();
    }
  }
}

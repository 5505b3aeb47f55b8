package org.kalamdb.store;

import java.util.Objects;

/**
 * Puts a {@link MemorySource} under measurement, as {@link DatabaseWatch} does a database: a sample
 * at {@link #start}, then one every 100 ms on the daemon thread shared with stores and watches, and
 * one on each {@link #sampleNow()}. The source's own contract makes every one of them safe on any
 * thread. {@link #peak()} is the highest sample; memory that came and went between two samples is
 * not seen.
 *
 * <p>The watch owns nothing: {@link #close()} only stops sampling, and {@link #peak()} never calls
 * the source. A sample that throws is skipped (the background goes on). Thread safe.
 */
public final class SourceWatch implements AutoCloseable {

  private final String name;
  private final MemorySource source;
  private final PeakSampler sampler = new PeakSampler();
  private volatile boolean closed;

  private SourceWatch(String name, MemorySource source) {
    this.name = name;
    this.source = source;
  }

  /**
   * Starts watching {@code source}: a first sample now (whose exception, if any, reaches the
   * caller), then in the background until {@link #close()}.
   *
   * @param name what reports call it, e.g. {@code "app"}
   * @throws NullPointerException when the source answers {@code null}
   */
  public static SourceWatch start(String name, MemorySource source) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    SourceWatch watch = new SourceWatch(name, source);
    watch.record(source.sample());
    watch.sampler.start(watch::sampleQuietly);
    return watch;
  }

  /** The name given at {@link #start}. */
  public String name() {
    return name;
  }

  /**
   * Takes a sample now and returns it; {@link MemoryUsage#NONE}, with nothing asked of the source,
   * once the watch is closed.
   */
  public MemoryUsage sampleNow() {
    if (closed) {
      return MemoryUsage.NONE;
    }
    MemoryUsage usage = source.sample();
    record(usage);
    return usage;
  }

  private void record(MemoryUsage usage) {
    sampler.record(Objects.requireNonNull(usage, "the memory source answered null"));
  }

  private void sampleQuietly() {
    try {
      sampleNow();
    } catch (RuntimeException e) {
      // A failed background sample must not kill the shared task.
    }
  }

  /** The sample with the highest {@link MemoryUsage#total()} since {@link #start}. */
  public MemoryUsage peak() {
    return sampler.peak();
  }

  /**
   * A new high-water mark of its own, starting at the most recent sample and fed by every later
   * one; its {@link PeakRecorder#reset()} touches nothing else.
   */
  public PeakRecorder recordPeaks() {
    return sampler.newRecorder();
  }

  /** The source's {@link MemorySource#lastingStalls()}, also after {@link #close()}. */
  public long lastingStalls() {
    return source.lastingStalls();
  }

  /** Whether {@link #close()} has run. */
  public boolean isClosed() {
    return closed;
  }

  /** Stops sampling; {@link #peak()} stays readable. Idempotent. */
  @Override
  public void close() {
    closed = true;
    sampler.stop();
  }

  @Override
  public String toString() {
    return "SourceWatch[" + name + "]";
  }
}

package org.kalamdb.store;

/**
 * The peak bookkeeping of one {@link KalamStore}: samples RocksDB's figures ({@link
 * MemoryAccountant}) into a {@link PeakSampler} after every MB written through the store, on
 * demand, every 100 ms on the shared background thread, at every memtable seal and flush start (the
 * options' listener) and once more before close. A sample is taken only while the database is open
 * (its user may close it through {@code db()}); the callers hold the store's {@link CloseGuard}
 * read lock, the background and listener tasks take it only when it is free.
 */
final class StorePeaks {

  private final StoreHandles handles;
  private final MemoryAccountant accountant;
  private final PeakSampler sampler = new PeakSampler();

  StorePeaks(StoreHandles handles) {
    this.handles = handles;
    RocksDbOptions options = handles.options();
    this.accountant =
        MemoryAccountant.ofStore(
            handles.db(),
            handles.families()::handles,
            options.sharedCache(),
            options.memtablesChargedToCache(),
            options.storage());
  }

  /**
   * Starts sampling in the background and at memtable seals and flush starts, under {@code guard}.
   */
  void start(CloseGuard guard) {
    sampler.start(() -> guard.ifFreeAndOpen(this::sampleQuietly));
    handles.options().sampleOnFullMemtables(() -> guard.ifFreeAndOpen(this::sampleQuietly));
  }

  /** Stops the background task; a run already started finishes under the guard. */
  void stop() {
    sampler.stop();
  }

  /** A sample now, recorded and returned; the caller checked that the database is open. */
  MemoryUsage sample() {
    MemoryUsage usage = accountant.measure();
    sampler.record(usage);
    return usage;
  }

  /** Counts bytes written; a sample after every {@link PeakSampler#WRITE_BYTES_PER_SAMPLE}. */
  void wrote(long bytes) {
    if (sampler.wrote(bytes)) {
      sampler.record(accountant.measure());
    }
  }

  /** The peak after a sample now (none when the user closed the database). */
  MemoryUsage peak() {
    sampleIfDatabaseOpen();
    return sampler.peak();
  }

  /** A new peak from a sample now, or from the last sample when the user closed the database. */
  void reset() {
    MemoryUsage latest = sampler.latest();
    sampler.reset();
    if (!sampleIfDatabaseOpen()) {
      sampler.record(latest);
    }
  }

  /** A new recorder, starting at a sample taken now when the database is open. */
  PeakRecorder newRecorder() {
    PeakRecorder recorder = sampler.newRecorder();
    sampleIfDatabaseOpen();
    return recorder;
  }

  /** The last sample before close: the end of the store's life counts against its budget too. */
  void lastSample() {
    try {
      sampleIfDatabaseOpen();
    } catch (RuntimeException e) {
      // A refused property must not keep the store open.
    }
  }

  /** A sample unless the user closed the database; whether one was taken. */
  private boolean sampleIfDatabaseOpen() {
    if (!handles.databaseOpen()) {
      return false;
    }
    sampler.record(accountant.measure());
    return true;
  }

  // The background task and RocksDB's listener (memtable sealed, flush begun) run this.
  private void sampleQuietly() {
    try {
      sampleIfDatabaseOpen();
    } catch (RuntimeException e) {
      // A failed sample must neither kill the shared scheduler's task nor reach RocksDB's thread.
    }
  }
}

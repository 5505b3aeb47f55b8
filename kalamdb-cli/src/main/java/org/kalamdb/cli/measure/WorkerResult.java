package org.kalamdb.cli.measure;

/**
 * What one worker measured, or why it failed; the worker prints it as one JSON line.
 *
 * @param profile the profile measured
 * @param columnFamilies column families filled
 * @param ok whether the run completed and every value read back equal
 * @param error why it failed, one line; {@code null} when ok
 * @param peakTotalBytes highest accounted total (memtables + cache counted once + table readers)
 * @param peakMemTableBytes memtables at that peak
 * @param peakBlockCacheBytes block cache usage at that peak (memtable charges taken out)
 * @param peakTableReadersBytes table readers at that peak
 * @param rssGrowthBytes highest RSS minus RSS before the store opened; {@code null} where the OS
 *     gives no RSS figure
 * @param writtenBytes keys and values written
 * @param writeMbPerSecond {@code writtenBytes} in MB divided by the write phase's seconds
 * @param valuesRead values read back and found equal
 * @param readMbPerSecond {@code writtenBytes} in MB divided by the read-back phase's seconds
 * @param sstFiles {@code *.sst} files in the store directory after the reads
 * @param elapsedMillis open, write, read and close
 * @param allocatorSetup the {@link AllocatorSetup#id()} the parent started the worker with; the
 *     worker leaves it {@code null} and the parent fills it in
 * @param allocator the allocator the worker found itself running on ({@code
 *     NativeAllocator.describe()}), or {@code null} for a run that failed before it could tell
 * @param rss where the RSS growth went; {@code null} where the OS gives no RSS or the JVM no Native
 *     Memory Tracking figure
 */
record WorkerResult(
    String profile,
    int columnFamilies,
    boolean ok,
    String error,
    long peakTotalBytes,
    long peakMemTableBytes,
    long peakBlockCacheBytes,
    long peakTableReadersBytes,
    Long rssGrowthBytes,
    long writtenBytes,
    double writeMbPerSecond,
    long valuesRead,
    double readMbPerSecond,
    long sstFiles,
    long elapsedMillis,
    String allocatorSetup,
    String allocator,
    RssParts rss) {

  /** A failed run: everything but the reason is zero. */
  static WorkerResult failed(String profile, int columnFamilies, String error) {
    return new WorkerResult(
        profile,
        columnFamilies,
        false,
        error,
        0,
        0,
        0,
        0,
        null,
        0,
        0,
        0,
        0,
        0,
        0,
        null,
        null,
        null);
  }

  /** This result as run under {@code setup}. */
  WorkerResult under(AllocatorSetup setup) {
    return new WorkerResult(
        profile,
        columnFamilies,
        ok,
        error,
        peakTotalBytes,
        peakMemTableBytes,
        peakBlockCacheBytes,
        peakTableReadersBytes,
        rssGrowthBytes,
        writtenBytes,
        writeMbPerSecond,
        valuesRead,
        readMbPerSecond,
        sstFiles,
        elapsedMillis,
        setup.id(),
        allocator,
        rss);
  }
}

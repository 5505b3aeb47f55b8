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
    long elapsedMillis) {

  /** A failed run: everything but the reason is zero. */
  static WorkerResult failed(String profile, int columnFamilies, String error) {
    return new WorkerResult(
        profile, columnFamilies, false, error, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, 0);
  }
}

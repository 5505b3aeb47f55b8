package org.kalamdb.config;

import java.math.BigInteger;

/**
 * What a store of a configuration adds to the process's resident memory (RSS), as {@code ps},
 * {@code top} or a container's OOM report see it: the {@link MemoryModel worst case} RocksDB
 * accounts, plus what it never accounts, measured by {@code kalamdb measure} (docs/measurements.md,
 * "Where RSS goes", gives the runs):
 *
 * <ul>
 *   <li>{@link #LIBRARY_MB} of {@code librocksdbjni} once loaded, once per process;
 *   <li>{@link #STORE_KB} per open store (its threads, environment and LOG), and {@link
 *       #UNACCOUNTED_PER_CF_KB} per column family (per-CF structures RocksDB does not account),
 *       less the {@link MemoryModel#HARD_CAP_OVERHEAD_PER_CF_KB} a capped worst case already holds;
 *   <li>{@link #SLACK_PER_CF_KB} per column family for what grows with data beyond the accounting:
 *       memory RocksDB freed that the allocator keeps, and file metadata, with the recommended
 *       setup ({@link #RECOMMENDED_SETUP}); it grows with the column families, not with the cap.
 * </ul>
 *
 * <p>The JVM's own memory (heap, metaspace, threads) is not in it: size a container as the JVM's
 * {@code -Xmx} plus its non-heap plus this.
 */
public final class ProcessModel {

  /** Resident pages of {@code librocksdbjni} once loaded: 12.1-13.4 MB measured. */
  public static final long LIBRARY_MB = 13;

  /** Native memory an open store takes beyond its accounting before any column family. */
  public static final long STORE_KB = 3 * 1024;

  /** Native memory per column family beyond RocksDB's accounting at open: 80-99 KB measured. */
  public static final long UNACCOUNTED_PER_CF_KB = 80;

  /**
   * What grows beyond the accounting once data is written, per column family, with {@link
   * #RECOMMENDED_SETUP}: the measured rest went from about 0 MB at 57 to 6-10 MB at 200.
   */
  public static final long SLACK_PER_CF_KB = 56;

  /** The allocator setup the figures hold for: the one that kept RSS lowest. */
  public static final String RECOMMENDED_SETUP = "glibc malloc with MALLOC_ARENA_MAX=2";

  private ProcessModel() {}

  /** The RSS a store of {@code config} with {@code columnFamilies} adds, in bytes, exactly. */
  public static BigInteger processBytes(RocksDbConfig config, int columnFamilies) {
    BigInteger worstCase = MemoryModel.worstCaseBytes(config, columnFamilies);
    int counted = MemoryModel.countedColumnFamilies(config, columnFamilies);
    return worstCase
        .add(BigInteger.valueOf(LIBRARY_MB << 20))
        .add(BigInteger.valueOf(STORE_KB << 10))
        .add(
            BigInteger.valueOf(counted)
                .multiply(BigInteger.valueOf((extraPerCfKb(config) + SLACK_PER_CF_KB) << 10)));
  }

  /**
   * The process line {@code check} and {@code estimate} print: {@code process: about 88 MB of RSS
   * for RocksDB (68 MB worst case + 13 MB librocksdbjni + 3 MB store + 57 x 16 KB unaccounted + 57
   * x 56 KB allocator slack), as measured under glibc malloc with MALLOC_ARENA_MAX=2}.
   */
  public static String processSentence(RocksDbConfig config, int columnFamilies) {
    return "process: " + processFigure(config, columnFamilies);
  }

  /**
   * The process line without its label, for a layout that names it itself: {@code about 88 MB of
   * RSS for RocksDB (...), as measured under glibc malloc with MALLOC_ARENA_MAX=2}.
   */
  public static String processFigure(RocksDbConfig config, int columnFamilies) {
    return "about "
        + ByteSize.ceilMb(processBytes(config, columnFamilies))
        + " MB of RSS for RocksDB ("
        + formula(config, columnFamilies)
        + "), as measured under "
        + RECOMMENDED_SETUP;
  }

  /**
   * The terms: {@code 68 MB worst case + 13 MB librocksdbjni + ... + 57 x 56 KB allocator slack}.
   */
  public static String formula(RocksDbConfig config, int columnFamilies) {
    int counted = MemoryModel.countedColumnFamilies(config, columnFamilies);
    return MemoryModel.worstCaseMbExact(config, columnFamilies)
        + " MB worst case + "
        + LIBRARY_MB
        + " MB librocksdbjni + "
        + STORE_KB / 1024
        + " MB store + "
        + counted
        + " x "
        + extraPerCfKb(config)
        + " KB unaccounted + "
        + counted
        + " x "
        + SLACK_PER_CF_KB
        + " KB allocator slack";
  }

  /** The unaccounted memory per column family the worst case does not hold already. */
  private static long extraPerCfKb(RocksDbConfig config) {
    return config.dialect() == Dialect.TOOLKIT && config.hasMemtableLimit()
        ? UNACCOUNTED_PER_CF_KB - MemoryModel.HARD_CAP_OVERHEAD_PER_CF_KB
        : UNACCOUNTED_PER_CF_KB;
  }
}

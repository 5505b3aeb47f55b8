package org.kalamdb.config;

import java.util.Optional;

/**
 * Worst-case memory of a configuration: {@code CFs x write_buffer_size_mb x max_write_buffer_number
 * + block_cache_size_mb} without a cap, {@code block_cache_size_mb + memtable_limit_mb + ceil(CFs x
 * HARD_CAP_OVERHEAD_PER_CF_KB / 1024)} with one: the cap keeps the memtables and the cache
 * constant, and only the measured per-CF overhead ({@link #HARD_CAP_OVERHEAD_PER_CF_KB}) grows with
 * the count.
 *
 * <p>Arithmetic saturates at {@link Long#MAX_VALUE}: absurd values give an absurd worst case, never
 * a silently wrapped small one.
 */
public final class MemoryModel {

  /**
   * The memory, in KB, that each column family adds in a hard-cap store beyond the cache and the
   * memtable limit. Measured with rocksdbjni 11.8.1 by kalamdb-store's {@code MemoryHarness
   * overhead}: RocksDB's own accounting grows by only 1.3-2.6 KB per column family, but process RSS
   * grows by 54-62 KB per column family opened (per-CF structures RocksDB does not account), so the
   * model reserves 64 KB each.
   */
  public static final long HARD_CAP_OVERHEAD_PER_CF_KB = 64;

  /**
   * The least memtable limit, in KB, each column family needs under a hard cap so that a flush
   * still writes a useful file. Measured: a 32 MB cap held 200 column families (160 KB each) and
   * failed at 500 (64 KB each: a storm of tiny flushes until RocksDB ran out of file handles).
   */
  public static final long MIN_MEMTABLE_LIMIT_PER_CF_KB = 128;

  private static final long KB_PER_MB = 1024;

  private MemoryModel() {}

  /** The worst case in MB for the given number of column families. */
  public static long worstCaseMb(RocksDbConfig config, int columnFamilies) {
    requireColumnFamilies(columnFamilies);
    if (config.hasMemtableLimit()) {
      return saturatedAdd(
          saturatedAdd(config.blockCacheSizeMb(), config.memtableLimitMb()),
          hardCapOverheadMb(columnFamilies));
    }
    long memtables =
        saturatedMultiply(
            saturatedMultiply(columnFamilies, config.writeBufferSizeMb()),
            config.effectiveMaxWriteBufferNumber());
    return saturatedAdd(memtables, config.blockCacheSizeMb());
  }

  /**
   * The per-CF overhead of a hard-cap store for {@code columnFamilies}, in MB, rounded up; see
   * {@link #HARD_CAP_OVERHEAD_PER_CF_KB}.
   */
  public static long hardCapOverheadMb(int columnFamilies) {
    requireColumnFamilies(columnFamilies);
    return ceilDiv(columnFamilies * HARD_CAP_OVERHEAD_PER_CF_KB, KB_PER_MB);
  }

  /**
   * The smallest {@code memtable_limit_mb} that lets {@code columnFamilies} flush usefully: {@link
   * #MIN_MEMTABLE_LIMIT_PER_CF_KB} per column family, rounded up to whole MB, at least 1.
   */
  public static long minimumMemtableLimitMb(int columnFamilies) {
    requireColumnFamilies(columnFamilies);
    return Math.max(1, ceilDiv(columnFamilies * MIN_MEMTABLE_LIMIT_PER_CF_KB, KB_PER_MB));
  }

  /**
   * The formula with its terms, e.g. {@code 57 x 8 MB x 2 + 32 MB cache}, or {@code 32 MB cache +
   * 32 MB memtable limit + 57 x 64 KB overhead} with a cap.
   */
  public static String formula(RocksDbConfig config, int columnFamilies) {
    requireColumnFamilies(columnFamilies);
    if (config.hasMemtableLimit()) {
      String text =
          config.blockCacheSizeMb()
              + " MB cache + "
              + config.memtableLimitMb()
              + " MB memtable limit";
      if (HARD_CAP_OVERHEAD_PER_CF_KB > 0) {
        text += " + " + columnFamilies + " x " + HARD_CAP_OVERHEAD_PER_CF_KB + " KB overhead";
      }
      return text;
    }
    return columnFamilies
        + " x "
        + config.writeBufferSizeMb()
        + " MB x "
        + config.effectiveMaxWriteBufferNumber()
        + " + "
        + config.blockCacheSizeMb()
        + " MB cache";
  }

  /**
   * The worst case as log lines and summaries state it: {@code worst case 944 MB for 57 column
   * families (57 x 8 MB x 2 + 32 MB cache)}, with {@code column family} for a count of 1.
   */
  public static String worstCaseSentence(RocksDbConfig config, int columnFamilies) {
    return "worst case "
        + worstCaseMb(config, columnFamilies)
        + " MB for "
        + columnFamilies
        + (columnFamilies == 1 ? " column family (" : " column families (")
        + formula(config, columnFamilies)
        + ")";
  }

  /**
   * An unlocated error naming worst case, count, budget and formula when the budget is exceeded:
   * {@code config.toml: error: worst case 944 MB for 57 column families exceeds the budget of 64 MB
   * (57 x 8 MB x 2 + 32 MB cache)}.
   */
  public static Optional<Diagnostic> checkBudget(
      RocksDbConfig config, int columnFamilies, long budgetMb, String file) {
    long worst = worstCaseMb(config, columnFamilies);
    if (worst <= budgetMb) {
      return Optional.empty();
    }
    String worstText = worst == Long.MAX_VALUE ? "over " + Long.MAX_VALUE : Long.toString(worst);
    return Optional.of(
        new Diagnostic(
            file,
            0,
            0,
            Severity.ERROR,
            null,
            "worst case "
                + worstText
                + " MB for "
                + columnFamilies
                + " column families exceeds the budget of "
                + budgetMb
                + " MB ("
                + formula(config, columnFamilies)
                + ")"));
  }

  private static void requireColumnFamilies(int columnFamilies) {
    if (columnFamilies < 1) {
      throw new IllegalArgumentException("columnFamilies must be >= 1, got " + columnFamilies);
    }
  }

  private static long ceilDiv(long dividend, long divisor) {
    return -Math.floorDiv(-dividend, divisor);
  }

  private static long saturatedMultiply(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException overflow) {
      return Long.MAX_VALUE;
    }
  }

  private static long saturatedAdd(long a, long b) {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException overflow) {
      return Long.MAX_VALUE;
    }
  }
}

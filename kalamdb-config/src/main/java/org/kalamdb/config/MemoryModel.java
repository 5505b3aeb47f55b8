package org.kalamdb.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Worst-case memory of a configuration: {@code CFs x write_buffer_size_mb x max_write_buffer_number
 * + block_cache_size_mb} without a cap, {@code block_cache_size_mb + memtable_limit_mb + ceil(CFs x
 * HARD_CAP_OVERHEAD_PER_CF_KB / 1024)} with one: the cap keeps the memtables and the cache
 * constant, and only the measured per-CF overhead ({@link #HARD_CAP_OVERHEAD_PER_CF_KB}) grows with
 * the count.
 *
 * <p>Arithmetic is exact ({@link BigInteger}): absurd values give their true, absurd worst case,
 * never a wrapped or saturated one, and every figure printed is that exact value.
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

  /**
   * The column families the server's worst case counts for a store of {@code columnFamilies}: the
   * count itself in the toolkit dialect; at least the six the server opens in the kalamdb-server
   * dialect (any beyond them take the {@code system_meta} profile).
   */
  public static int countedColumnFamilies(RocksDbConfig config, int columnFamilies) {
    requireColumnFamilies(columnFamilies);
    return config.dialect() == Dialect.TOOLKIT
        ? columnFamilies
        : Math.max(columnFamilies, ServerLayout.COLUMN_FAMILIES.size());
  }

  /**
   * The column-family count a check uses when none is given: {@link
   * CheckOptions#DEFAULT_COLUMN_FAMILIES} for the toolkit dialect, the six the server opens for the
   * kalamdb-server dialect (tables there are key prefixes, not column families).
   */
  public static int defaultColumnFamilies(RocksDbConfig config) {
    return config.dialect() == Dialect.TOOLKIT
        ? CheckOptions.DEFAULT_COLUMN_FAMILIES
        : ServerLayout.COLUMN_FAMILIES.size();
  }

  /** The worst case in bytes, exactly, for the given number of column families. */
  public static BigInteger worstCaseBytes(RocksDbConfig config, int columnFamilies) {
    int counted = countedColumnFamilies(config, columnFamilies);
    BigInteger cache = BigInteger.valueOf(config.blockCacheSizeBytes());
    if (config.hasMemtableLimit()) {
      return cache
          .add(BigInteger.valueOf(config.memtableLimitBytes()))
          .add(BigInteger.valueOf(counted).multiply(BigInteger.valueOf(overheadPerCfBytes())));
    }
    BigInteger memtables = BigInteger.ZERO;
    for (Term term : terms(config, counted)) {
      memtables = memtables.add(term.bytes());
    }
    return memtables.add(cache);
  }

  /** The worst case in whole MB, rounded up, exactly, for the given number of column families. */
  public static BigInteger worstCaseMbExact(RocksDbConfig config, int columnFamilies) {
    return ByteSize.ceilMb(worstCaseBytes(config, columnFamilies));
  }

  /**
   * The worst case in MB (rounded up) for the given number of column families, as a {@code long};
   * {@link Long#MAX_VALUE} when it does not fit one. Only for comparisons where that is no limit at
   * all: print {@link #worstCaseMbExact}.
   */
  public static long worstCaseMb(RocksDbConfig config, int columnFamilies) {
    BigInteger mb = worstCaseMbExact(config, columnFamilies);
    return mb.bitLength() < Long.SIZE ? mb.longValue() : Long.MAX_VALUE;
  }

  /**
   * With the legacy keys of a server file: the worst case of the releases that read them (before
   * {@value ServerLayout#PROFILES_SINCE}), where every table was a column family and each took
   * those keys, as the seed computed it: {@code CFs x write_buffer_size x max_write_buffers +
   * block_cache_size}. Empty for a file without them.
   */
  public static Optional<BigInteger> legacyWorstCaseBytes(
      RocksDbConfig config, int columnFamilies) {
    requireColumnFamilies(columnFamilies);
    return config
        .legacyProfile()
        .map(
            legacy ->
                legacy
                    .worstCaseBytes()
                    .multiply(BigInteger.valueOf(columnFamilies))
                    .add(BigInteger.valueOf(config.blockCacheSizeBytes())));
  }

  /**
   * The column families the legacy worst case counts: the count given, else the seed's {@link
   * CheckOptions#DEFAULT_COLUMN_FAMILIES} (7 system column families and 50 tables).
   */
  public static int legacyColumnFamilies(CheckOptions options) {
    return options.columnFamilyCount().orElse(CheckOptions.DEFAULT_COLUMN_FAMILIES);
  }

  /** One column family's (or a group's) memtable term of the worst case. */
  private record Term(String label, int count, ColumnFamilyProfile profile) {
    BigInteger bytes() {
      return profile.worstCaseBytes().multiply(BigInteger.valueOf(count));
    }

    String text() {
      String each =
          ByteSize.exact(profile.effectiveWriteBufferSizeBytes())
              + " x "
              + profile.effectiveMaxWriteBufferNumber();
      return count == 1 ? label + " " + each : count + " " + label + " x " + each;
    }
  }

  /** The memtable terms of the server layout: the six column families, then any others. */
  private static List<Term> terms(RocksDbConfig config, int counted) {
    List<Term> terms = new ArrayList<>();
    if (config.dialect() == Dialect.TOOLKIT) {
      terms.add(new Term("column families", counted, config.baseProfile()));
      return terms;
    }
    for (String family : ServerLayout.COLUMN_FAMILIES) {
      terms.add(new Term(family, 1, config.profileFor(family)));
    }
    int others = counted - ServerLayout.COLUMN_FAMILIES.size();
    if (others > 0) {
      terms.add(new Term("more (" + ServerLayout.BASE_PROFILE + ")", others, config.baseProfile()));
    }
    return terms;
  }

  private static long overheadPerCfBytes() {
    return HARD_CAP_OVERHEAD_PER_CF_KB << 10;
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
   * 32 MB memtable limit + 57 x 64 KB overhead} with a cap; for a server file, one term per column
   * family with the values RocksDB really runs, e.g. {@code default 64 KiB x 2 + ... + raft_data
   * 256 KiB x 2 + 2 MiB cache}.
   */
  public static String formula(RocksDbConfig config, int columnFamilies) {
    int counted = countedColumnFamilies(config, columnFamilies);
    if (config.dialect() != Dialect.TOOLKIT) {
      return terms(config, counted).stream().map(Term::text).collect(Collectors.joining(" + "))
          + " + "
          + ByteSize.exact(config.blockCacheSizeBytes())
          + " cache";
    }
    if (config.hasMemtableLimit()) {
      String text =
          config.blockCacheSizeMb()
              + " MB cache + "
              + config.memtableLimitMb()
              + " MB memtable limit";
      if (HARD_CAP_OVERHEAD_PER_CF_KB > 0) {
        text += " + " + counted + " x " + HARD_CAP_OVERHEAD_PER_CF_KB + " KB overhead";
      }
      return text;
    }
    return counted
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
   * families (57 x 8 MB x 2 + 32 MB cache)}, with {@code column family} for a count of 1. For a
   * server file the figure is exact: {@code worst case 3.25 MB (3407872 bytes) for 6 column
   * families (...)}.
   */
  public static String worstCaseSentence(RocksDbConfig config, int columnFamilies) {
    int counted = countedColumnFamilies(config, columnFamilies);
    String amount =
        config.dialect() == Dialect.TOOLKIT
            ? worstCaseMbExact(config, columnFamilies) + " MB"
            : exactAmount(worstCaseBytes(config, columnFamilies));
    return "worst case "
        + amount
        + " for "
        + ColumnFamilyCount.text(counted)
        + " ("
        + formula(config, columnFamilies)
        + ")";
  }

  /**
   * With the legacy keys of a server file, the worst case of the releases that read them: {@code
   * with the legacy keys (releases before 2026-03, one column family per table): worst case 57.06
   * MB (...) for 57 column families (57 x 512 KiB x 2 + 2 MiB cache)}. Empty without them.
   */
  public static Optional<String> legacySentence(RocksDbConfig config, int columnFamilies) {
    return legacyWorstCaseBytes(config, columnFamilies)
        .map(
            bytes ->
                "with the legacy keys (releases before "
                    + ServerLayout.PROFILES_SINCE
                    + ", one column family per table): worst case "
                    + exactAmount(bytes)
                    + " for "
                    + ColumnFamilyCount.text(columnFamilies)
                    + " ("
                    + legacyFormula(config, columnFamilies)
                    + ")");
  }

  private static String legacyFormula(RocksDbConfig config, int columnFamilies) {
    ColumnFamilyProfile legacy = config.legacyProfile().orElseThrow();
    return columnFamilies
        + " x "
        + ByteSize.exact(legacy.effectiveWriteBufferSizeBytes())
        + " x "
        + legacy.effectiveMaxWriteBufferNumber()
        + " + "
        + ByteSize.exact(config.blockCacheSizeBytes())
        + " cache";
  }

  /** {@code 3.25 MB (3407872 bytes)}. */
  private static String exactAmount(BigInteger bytes) {
    return ByteSize.mb(bytes) + " (" + bytes + " bytes)";
  }

  /**
   * An unlocated error naming worst case, count, budget and formula when the budget is exceeded:
   * {@code config.toml: error: worst case 944 MB for 57 column families exceeds the budget of 64 MB
   * (57 x 8 MB x 2 + 32 MB cache)}.
   */
  public static Optional<Diagnostic> checkBudget(
      RocksDbConfig config, int columnFamilies, long budgetMb, String file) {
    BigInteger worst = worstCaseBytes(config, columnFamilies);
    if (worst.compareTo(BigInteger.valueOf(budgetMb).shiftLeft(20)) <= 0) {
      return Optional.empty();
    }
    int counted = countedColumnFamilies(config, columnFamilies);
    String worstText =
        config.dialect() != Dialect.TOOLKIT ? exactAmount(worst) : ByteSize.ceilMb(worst) + " MB";
    return Optional.of(
        new Diagnostic(
            file,
            0,
            0,
            Severity.ERROR,
            null,
            "worst case "
                + worstText
                + " for "
                + ColumnFamilyCount.text(counted)
                + " exceeds the budget of "
                + budgetMb
                + " MB ("
                + formula(config, columnFamilies)
                + ")"));
  }

  /**
   * Like {@link #checkBudget} for the legacy worst case of a server file ({@link
   * #legacyWorstCaseBytes}); empty without legacy keys or within the budget.
   */
  public static Optional<Diagnostic> checkLegacyBudget(
      RocksDbConfig config, int columnFamilies, long budgetMb, String file) {
    Optional<BigInteger> worst = legacyWorstCaseBytes(config, columnFamilies);
    if (worst.isEmpty() || worst.get().compareTo(BigInteger.valueOf(budgetMb).shiftLeft(20)) <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Diagnostic(
            file,
            0,
            0,
            Severity.ERROR,
            null,
            "with the legacy keys (releases before "
                + ServerLayout.PROFILES_SINCE
                + "), worst case "
                + exactAmount(worst.get())
                + " for "
                + ColumnFamilyCount.text(columnFamilies)
                + " exceeds the budget of "
                + budgetMb
                + " MB ("
                + legacyFormula(config, columnFamilies)
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
}

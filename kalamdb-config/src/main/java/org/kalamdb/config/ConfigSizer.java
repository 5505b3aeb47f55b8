package org.kalamdb.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a memory budget and a column-family count into a configuration whose worst case fits.
 *
 * <p>The rule, in order:
 *
 * <ol>
 *   <li><b>Plain shape</b> (the seed's: 2 write buffers per column family, one shared cache) when
 *       it fits: {@code block_cache_size_mb = min(32, budget / 4)}, {@code write_buffer_size_mb =
 *       min(64, (budget - cache) / (2 x CFs))}, used when that is at least 1 MB.
 *   <li>Otherwise the <b>hard cap</b>, whose worst case grows with the column-family count only by
 *       the measured per-CF overhead ({@link MemoryModel#HARD_CAP_OVERHEAD_PER_CF_KB}, 57 column
 *       families: 4 MB): {@code block_cache_size_mb = budget / 2}, {@code memtable_limit_mb =
 *       budget - cache - overhead} with {@code overhead = }{@link
 *       MemoryModel#hardCapOverheadMb(int)}; when that limit is under {@link
 *       MemoryModel#minimumMemtableLimitMb(int)}, the limit is raised to that minimum and the cache
 *       gets what is left. {@code write_buffer_size_mb} is a quarter of the limit, between 1 and 8
 *       MB.
 *   <li>When even a cache of 0 leaves too little for the minimum limit and the overhead, no
 *       configuration fits: {@link IllegalArgumentException} names the smallest budget that would.
 * </ol>
 *
 * <p>Every result passes {@link ConfigValidator} with the same budget and column-family count.
 */
public final class ConfigSizer {
  private static final long MAX_PLAIN_CACHE_MB = 32;
  private static final long MAX_PLAIN_WRITE_BUFFER_MB = 64;
  private static final long MAX_CAPPED_WRITE_BUFFER_MB = 8;

  private ConfigSizer() {}

  /**
   * Where a generated section starts: {@link #forBudget} when a budget is given, {@link
   * RocksDbConfig#defaults()} otherwise. {@link ConfigOverrides} then puts explicit values over it.
   *
   * @param budgetMb the budget to size for, or {@code null} for the defaults
   * @param columnFamilies the column families the budget must hold
   * @throws IllegalArgumentException as {@link #forBudget} does
   */
  public static RocksDbConfig forBudgetOrDefaults(Long budgetMb, int columnFamilies) {
    return budgetMb == null ? RocksDbConfig.defaults() : forBudget(budgetMb, columnFamilies);
  }

  /**
   * Values whose worst case for {@code columnFamilies} fits {@code budgetMb}.
   *
   * @throws IllegalArgumentException when no configuration fits, saying the smallest budget that
   *     would, or when the budget or the count is below 1
   */
  public static RocksDbConfig forBudget(long budgetMb, int columnFamilies) {
    if (budgetMb < 1 || budgetMb > RocksDbConfig.MAX_SIZE_MB) {
      throw new IllegalArgumentException(
          "budget must be between 1 and " + RocksDbConfig.MAX_SIZE_MB + " MB, got " + budgetMb);
    }
    if (columnFamilies < 1) {
      throw new IllegalArgumentException("column families must be >= 1, got " + columnFamilies);
    }
    long cache = Math.min(MAX_PLAIN_CACHE_MB, budgetMb / 4);
    long writeBuffer =
        Math.min(MAX_PLAIN_WRITE_BUFFER_MB, (budgetMb - cache) / (2L * columnFamilies));
    if (writeBuffer >= 1) {
      return new RocksDbConfig(writeBuffer, 2, cache, 0);
    }
    return hardCap(budgetMb, columnFamilies, budgetMb / 2)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "a budget of "
                        + budgetMb
                        + " MB cannot hold "
                        + ColumnFamilyCount.text(columnFamilies)
                        + ": the smallest budget that does is "
                        + smallestBudgetMb(columnFamilies)
                        + " MB (a memtable limit of "
                        + MemoryModel.minimumMemtableLimitMb(columnFamilies)
                        + " MB, "
                        + MemoryModel.MIN_MEMTABLE_LIMIT_PER_CF_KB
                        + " KB per column family, "
                        + MemoryModel.hardCapOverheadMb(columnFamilies)
                        + " MB of overhead, "
                        + MemoryModel.HARD_CAP_OVERHEAD_PER_CF_KB
                        + " KB per column family, and no block cache)"));
  }

  /**
   * The smallest budget any configuration fits for {@code columnFamilies}: the minimum memtable
   * limit plus the per-CF overhead, with no block cache.
   */
  public static long smallestBudgetMb(int columnFamilies) {
    return MemoryModel.minimumMemtableLimitMb(columnFamilies)
        + MemoryModel.hardCapOverheadMb(columnFamilies);
  }

  /**
   * A hard-cap configuration within {@code budgetMb} that keeps {@code preferredCacheMb} of block
   * cache when the minimum memtable limit still fits beside it, and shrinks the cache otherwise.
   */
  static Optional<RocksDbConfig> hardCap(long budgetMb, int columnFamilies, long preferredCacheMb) {
    long overhead = MemoryModel.hardCapOverheadMb(columnFamilies);
    long minimum = MemoryModel.minimumMemtableLimitMb(columnFamilies);
    long cache = Math.max(0, Math.min(preferredCacheMb, budgetMb));
    long limit = budgetMb - cache - overhead;
    if (limit < minimum) {
      limit = minimum;
      cache = budgetMb - limit - overhead;
      if (cache < 0) {
        return Optional.empty();
      }
    }
    long writeBuffer = Math.max(1, Math.min(MAX_CAPPED_WRITE_BUFFER_MB, limit / 4));
    return Optional.of(new RocksDbConfig(writeBuffer, 2, cache, limit));
  }

  /** Each server profile's share of the memtable budget, in the proportions of its defaults. */
  private static final Map<String, Integer> SERVER_WEIGHTS =
      Map.of("system_meta", 1, "system_index", 1, "hot_data", 4, "hot_index", 2, "raft", 8);

  private static final long MAX_SERVER_WRITE_BUFFER_BYTES = 64L << 20;
  private static final long SERVER_ALIGNMENT_BYTES = 4 << 10;

  /**
   * A {@code kalamdb-server} config whose worst case for the server's six column families fits
   * {@code budgetMb}, keeping {@code base}'s database settings. The rule: a quarter of the budget
   * for the block cache; the rest split between the profiles in the proportions of the server's
   * defaults (system_meta 1, counted twice as {@code default} takes it too, system_index 1,
   * hot_data 4, hot_index 2, raft 8), 2 write buffers each, every buffer at least the 64 KiB
   * RocksDB runs anyway and at most 64 MiB, sizes in whole 4 KiB; when the 64 KiB floors leave too
   * little, the cache gives way. The legacy keys are not written.
   *
   * @throws IllegalArgumentException when the budget is below 1 MB or no config fits
   */
  public static RocksDbConfig forServerBudget(long budgetMb, RocksDbConfig base) {
    if (budgetMb < 1 || budgetMb > RocksDbConfig.MAX_SIZE_MB) {
      throw new IllegalArgumentException(
          "budget must be between 1 and " + RocksDbConfig.MAX_SIZE_MB + " MB, got " + budgetMb);
    }
    RocksDbConfig start =
        base.dialect() == Dialect.KALAMDB_SERVER ? base : RocksDbConfig.serverDefaults();
    long budget = budgetMb << 20;
    long cache = budget / 4;
    int units = 0;
    for (String family : ServerLayout.COLUMN_FAMILIES) {
      units += SERVER_WEIGHTS.get(ServerLayout.profileOf(family)) * 2;
    }
    long unit = (budget - cache) / units / SERVER_ALIGNMENT_BYTES * SERVER_ALIGNMENT_BYTES;
    List<ColumnFamilyProfile> profiles = new ArrayList<>();
    for (String name : ServerLayout.profileNames()) {
      long size = Math.min(MAX_SERVER_WRITE_BUFFER_BYTES, SERVER_WEIGHTS.get(name) * unit);
      profiles.add(
          new ColumnFamilyProfile(
              name, Math.max(ColumnFamilyProfile.MIN_WRITE_BUFFER_BYTES, size), 2));
    }
    RocksDbConfig sized = start.withoutLegacyProfile().withProfiles(profiles);
    long memtables =
        MemoryModel.worstCaseBytes(sized.withBlockCacheSizeBytes(0), 1).longValueExact();
    cache = Math.min(cache, budget - memtables);
    if (cache < 0) {
      throw new IllegalArgumentException(
          "a budget of "
              + budgetMb
              + " MB cannot hold the server's six column families at RocksDB's least write"
              + " buffer (64 KiB x 2 each)");
    }
    return sized.withBlockCacheSizeBytes(cache);
  }

  /**
   * Where a generated server section starts: the settings of {@code existing} when it is a readable
   * server file (its database settings stay; values it gets wrong read as the server's defaults,
   * which the write then replaces), else {@link RocksDbConfig#serverDefaults()}.
   *
   * @param existing the file a section will be merged into, or {@code null}
   */
  public static RocksDbConfig serverBase(Path existing) {
    if (existing == null || !Files.isRegularFile(existing)) {
      return RocksDbConfig.serverDefaults();
    }
    ValidationResult read =
        new ConfigValidator(CheckOptions.fileOnly().withDialect(Dialect.KALAMDB_SERVER))
            .validate(existing);
    return read.config().dialect() == Dialect.KALAMDB_SERVER
        ? read.config()
        : RocksDbConfig.serverDefaults();
  }

  /**
   * {@link #forServerBudget} when a budget is given; otherwise {@code base} as RocksDB runs it:
   * each profile at its effective values (the server's own 32 KiB system profiles written as the
   * 65536 that runs, so the file passes check without a warning), without the legacy keys.
   *
   * @param budgetMb the budget to size for, or {@code null}
   */
  public static RocksDbConfig forServerBudgetOrDefaults(Long budgetMb, RocksDbConfig base) {
    if (budgetMb != null) {
      return forServerBudget(budgetMb, base);
    }
    RocksDbConfig start =
        base.dialect() == Dialect.KALAMDB_SERVER ? base : RocksDbConfig.serverDefaults();
    List<ColumnFamilyProfile> asRun = new ArrayList<>();
    for (ColumnFamilyProfile p : start.profiles()) {
      asRun.add(
          new ColumnFamilyProfile(
              p.name(), p.effectiveWriteBufferSizeBytes(), p.effectiveMaxWriteBufferNumber()));
    }
    return start.withoutLegacyProfile().withProfiles(asRun);
  }
}

package org.kalamdb.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks that need the column-family count: a hard cap too small to flush usefully (an error at
 * {@code memtable_limit_mb}), the budget (an unlocated error), and, when settings without a cap go
 * over the budget, a warning with the cap that would hold it. The suggested cap leaves room for the
 * measured per-CF overhead ({@link MemoryModel#HARD_CAP_OVERHEAD_PER_CF_KB}), so it passes the same
 * budget, and the warning shows that sum.
 */
final class MemoryChecks {
  private static final String LIMIT_KEY = "rocksdb." + ConfigKey.MEMTABLE_LIMIT_MB.tomlName();

  private MemoryChecks() {}

  /** The hard-cap check, located at the value when the file set it. */
  static Optional<Diagnostic> memtableLimit(
      RocksDbConfig config, int columnFamilies, Map<ConfigKey, Location> positions, String file) {
    long minimum = MemoryModel.minimumMemtableLimitMb(columnFamilies);
    if (!config.hasMemtableLimit() || config.memtableLimitMb() >= minimum) {
      return Optional.empty();
    }
    Location at = positions.getOrDefault(ConfigKey.MEMTABLE_LIMIT_MB, Location.NONE);
    return Optional.of(
        at.diagnostic(
            file,
            Severity.ERROR,
            LIMIT_KEY,
            "memtable_limit_mb = "
                + config.memtableLimitMb()
                + " is too small for "
                + ColumnFamilyCount.text(columnFamilies)
                + ": each needs at least "
                + MemoryModel.MIN_MEMTABLE_LIMIT_PER_CF_KB
                + " KB to flush usefully, so set memtable_limit_mb to at least "
                + minimum
                + " (or 0 for no cap)"));
  }

  /** The budget error and, for uncapped settings, the suggested cap. */
  static List<Diagnostic> budget(
      RocksDbConfig config, int columnFamilies, long budgetMb, String file) {
    List<Diagnostic> found = new ArrayList<>();
    Optional<Diagnostic> over = MemoryModel.checkBudget(config, columnFamilies, budgetMb, file);
    if (over.isEmpty()) {
      return found;
    }
    found.add(over.get());
    if (config.dialect() != Dialect.TOOLKIT) {
      found.add(
          new Diagnostic(
              file,
              0,
              0,
              Severity.WARNING,
              null,
              "kalamdb generate --dialect kalamdb-server --budget-mb "
                  + budgetMb
                  + " writes [storage.rocksdb] and profiles that fit the budget"));
    } else if (!config.hasMemtableLimit()) {
      found.add(suggestCap(config, columnFamilies, budgetMb, file));
    }
    return found;
  }

  private static Diagnostic suggestCap(
      RocksDbConfig config, int columnFamilies, long budgetMb, String file) {
    Optional<RocksDbConfig> capped =
        ConfigSizer.hardCap(budgetMb, columnFamilies, config.blockCacheSizeMb());
    String message;
    if (capped.isEmpty()) {
      message =
          "no memtable_limit_mb holds "
              + ColumnFamilyCount.text(columnFamilies)
              + " within "
              + budgetMb
              + " MB: they need a budget of at least "
              + ConfigSizer.smallestBudgetMb(columnFamilies)
              + " MB";
    } else {
      RocksDbConfig fix = capped.get();
      String cache =
          fix.blockCacheSizeMb() == config.blockCacheSizeMb()
              ? " (and keep block_cache_size_mb = " + fix.blockCacheSizeMb() + ")"
              : " and block_cache_size_mb = " + fix.blockCacheSizeMb();
      message =
          "set memtable_limit_mb = "
              + fix.memtableLimitMb()
              + cache
              + " to hold "
              + ColumnFamilyCount.text(columnFamilies)
              + " within "
              + budgetMb
              + " MB ("
              + MemoryModel.formula(fix, columnFamilies)
              + ")";
    }
    return new Diagnostic(file, 0, 0, Severity.WARNING, LIMIT_KEY, message);
  }
}

package org.kalamdb.config;

import java.util.Optional;

/**
 * Worst-case memory of a configuration: {@code CFs x write_buffer_size_mb x max_write_buffer_number
 * + block_cache_size_mb} without a cap, {@code block_cache_size_mb + memtable_limit_mb} (plus
 * measured per-CF overhead) with one.
 */
public final class MemoryModel {
  private MemoryModel() {}

  /** The worst case in MB for the given number of column families. */
  public static long worstCaseMb(RocksDbConfig config, int columnFamilies) {
    throw new UnsupportedOperationException("TODO: issue 2");
  }

  /** The formula with its terms, e.g. {@code 57 x 8 MB x 2 + 32 MB cache}. */
  public static String formula(RocksDbConfig config, int columnFamilies) {
    throw new UnsupportedOperationException("TODO: issue 2");
  }

  /**
   * An unlocated error naming worst case, count, budget and formula when the budget is exceeded.
   */
  public static Optional<Diagnostic> checkBudget(
      RocksDbConfig config, int columnFamilies, long budgetMb, String file) {
    throw new UnsupportedOperationException("TODO: issue 2");
  }
}

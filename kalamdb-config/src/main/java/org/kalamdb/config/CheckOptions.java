package org.kalamdb.config;

import java.util.OptionalLong;

/**
 * What a check knows beyond the file: the memory budget, if any, and the number of column families
 * the store will have. Both the budget check and the hard-cap check use the column-family count.
 *
 * @param memoryBudgetMb the budget in MB, or empty for no budget check
 * @param columnFamilies column families the store will have, {@code >= 1}
 */
public record CheckOptions(OptionalLong memoryBudgetMb, int columnFamilies) {

  /** 57: the seed report's largest scenario, 7 system column families and 50 tables. */
  public static final int DEFAULT_COLUMN_FAMILIES = 57;

  public CheckOptions {
    if (columnFamilies < 1) {
      throw new IllegalArgumentException("columnFamilies must be >= 1, got " + columnFamilies);
    }
    if (memoryBudgetMb.isPresent() && memoryBudgetMb.getAsLong() < 1) {
      throw new IllegalArgumentException(
          "memoryBudgetMb must be >= 1, got " + memoryBudgetMb.getAsLong());
    }
  }

  /** No budget, {@link #DEFAULT_COLUMN_FAMILIES} column families. */
  public static CheckOptions none() {
    return new CheckOptions(OptionalLong.empty(), DEFAULT_COLUMN_FAMILIES);
  }

  /**
   * No budget and one column family: the file on its own, as {@link RocksDbConfig#load} reads it.
   * Whether a cap is large enough for a store's column families is checked where that count is
   * known (check, the plugin, the budget of a test store), not when a file is loaded.
   */
  public static CheckOptions fileOnly() {
    return new CheckOptions(OptionalLong.empty(), 1);
  }

  /** A budget check for the given column-family count. */
  public static CheckOptions budget(long memoryBudgetMb, int columnFamilies) {
    return new CheckOptions(OptionalLong.of(memoryBudgetMb), columnFamilies);
  }
}

package org.kalamdb.config;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a check knows beyond the file: the memory budget, if any, the number of column families the
 * store will have, and the dialect, when one is forced.
 *
 * @param memoryBudgetMb the budget in MB, or empty for no budget check
 * @param columnFamilyCount column families the store will have, {@code >= 1}, or empty for the
 *     dialect's count ({@link MemoryModel#defaultColumnFamilies})
 * @param dialect the dialect to read the file in, or empty to detect it from the file
 */
public record CheckOptions(
    OptionalLong memoryBudgetMb, OptionalInt columnFamilyCount, Optional<Dialect> dialect) {

  /** 57: the seed report's largest scenario, 7 system column families and 50 tables. */
  public static final int DEFAULT_COLUMN_FAMILIES = 57;

  public CheckOptions {
    Objects.requireNonNull(memoryBudgetMb, "memoryBudgetMb");
    Objects.requireNonNull(columnFamilyCount, "columnFamilyCount");
    Objects.requireNonNull(dialect, "dialect");
    if (columnFamilyCount.isPresent() && columnFamilyCount.getAsInt() < 1) {
      throw new IllegalArgumentException(
          "columnFamilies must be >= 1, got " + columnFamilyCount.getAsInt());
    }
    if (memoryBudgetMb.isPresent() && memoryBudgetMb.getAsLong() < 1) {
      throw new IllegalArgumentException(
          "memoryBudgetMb must be >= 1, got " + memoryBudgetMb.getAsLong());
    }
  }

  /** A budget (or none) for {@code columnFamilies} column families, the dialect detected. */
  public CheckOptions(OptionalLong memoryBudgetMb, int columnFamilies) {
    this(memoryBudgetMb, OptionalInt.of(columnFamilies), Optional.empty());
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

  /** The given column-family count, or {@link #DEFAULT_COLUMN_FAMILIES}. */
  public int columnFamilies() {
    return columnFamilyCount.orElse(DEFAULT_COLUMN_FAMILIES);
  }

  /** The given column-family count, or the count of {@code config}'s dialect. */
  public int columnFamiliesFor(RocksDbConfig config) {
    return columnFamilyCount.orElse(MemoryModel.defaultColumnFamilies(config));
  }

  /** A copy that reads files in {@code forced}. */
  public CheckOptions withDialect(Dialect forced) {
    return new CheckOptions(memoryBudgetMb, columnFamilyCount, Optional.of(forced));
  }

  /** A copy that reads files in {@code forced}, or detects the dialect when it is empty. */
  public CheckOptions withDialect(Optional<Dialect> forced) {
    return new CheckOptions(memoryBudgetMb, columnFamilyCount, forced);
  }

  /** A copy without a column-family count: each dialect's own count applies. */
  public CheckOptions withDialectColumnFamilies() {
    return new CheckOptions(memoryBudgetMb, OptionalInt.empty(), dialect);
  }
}

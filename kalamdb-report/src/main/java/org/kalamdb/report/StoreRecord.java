package org.kalamdb.report;

import java.util.Map;

/**
 * One store (or database watched through {@code MemoryWatch}) of a test, at its peak.
 *
 * @param name the field, parameter or watch name
 * @param kind {@code store} (made by the extension) or {@code watched} (opened by the code under
 *     test)
 * @param storage {@code disk} or {@code memory}
 * @param budgetBytes the budget it was checked against, {@code null} when none applied
 * @param budgetSource where that budget came from, e.g. {@code @KalamStoreTest(memoryBudgetMb)}
 * @param peakBytes the accounted peak, RocksDB's own figures, counted as the budget counts them
 * @param components the peak's parts by name, in bytes, in the order to show them: {@code
 *     memtables}, {@code blockCache}, {@code tableReaders}, and for a memory store {@code
 *     inMemoryFiles}
 * @param overBudget whether the peak went over the budget
 */
public record StoreRecord(
    String name,
    String kind,
    String storage,
    Long budgetBytes,
    String budgetSource,
    long peakBytes,
    Map<String, Long> components,
    boolean overBudget) {

  /**
   * Keeps the components' order, and copies them.
   *
   * @throws IllegalArgumentException when {@code components} is missing or holds {@code null}, or a
   *     figure is negative
   */
  public StoreRecord {
    ReportFieldException.notNegative("budgetBytes", budgetBytes);
    ReportFieldException.notNegative("peakBytes", peakBytes);
    components = ReportFieldException.figures("components", components);
  }
}

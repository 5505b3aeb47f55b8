package org.kalamdb.report;

import java.util.List;

/**
 * One test (or one class, for stores kept by a static field) and the stores it used.
 *
 * @param uniqueId the JUnit unique id
 * @param className the test class's fully qualified name
 * @param displayName the name JUnit shows, e.g. {@code manyTables()}
 * @param status {@code passed}, {@code failed}, {@code aborted} or {@code skipped}
 * @param startMillis when it started, since the run started
 * @param endMillis when it ended, since the run started
 * @param failure the failure's message when it failed, else {@code null}
 * @param stores every store and watched database the test used
 */
public record TestRecord(
    String uniqueId,
    String className,
    String displayName,
    String status,
    long startMillis,
    long endMillis,
    String failure,
    List<StoreRecord> stores) {

  /**
   * Copies the list, so a record stays what it was when built.
   *
   * @throws IllegalArgumentException when {@code stores} is missing or holds {@code null}, or a
   *     time is negative
   */
  public TestRecord {
    ReportFieldException.notNegative("startMillis", startMillis);
    ReportFieldException.notNegative("endMillis", endMillis);
    stores = ReportFieldException.list("stores", stores);
  }

  /** The largest peak among the test's stores, 0 without any. */
  public long peakBytes() {
    return stores.stream().mapToLong(StoreRecord::peakBytes).max().orElse(0);
  }
}

package org.kalamdb.report;

import java.util.List;

/**
 * A moment the JVM-wide sum went over the JVM-wide budget, and who held the memory then.
 *
 * @param atMillis when, since the run started
 * @param totalBytes the sum then
 * @param budgetBytes the JVM-wide budget
 * @param testIds the unique ids of the tests running then (they fail)
 * @param shares every store and watched database alive then, largest first
 */
public record BudgetCrossing(
    long atMillis, long totalBytes, long budgetBytes, List<String> testIds, List<Share> shares) {

  /**
   * Copies the lists.
   *
   * @throws IllegalArgumentException when a list is missing or holds {@code null}, or a figure is
   *     negative
   */
  public BudgetCrossing {
    ReportFieldException.notNegative("atMillis", atMillis);
    ReportFieldException.notNegative("totalBytes", totalBytes);
    ReportFieldException.notNegative("budgetBytes", budgetBytes);
    testIds = ReportFieldException.list("testIds", testIds);
    shares = ReportFieldException.list("shares", shares);
  }

  /**
   * One store's part of the sum.
   *
   * @param name the store's name and its test, as people read it
   * @param bytes its accounted bytes then
   */
  public record Share(String name, long bytes) {

    /**
     * Checks the figure.
     *
     * @throws IllegalArgumentException when it is negative
     */
    public Share {
      ReportFieldException.notNegative("bytes", bytes);
    }
  }
}

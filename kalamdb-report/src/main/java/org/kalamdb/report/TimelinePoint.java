package org.kalamdb.report;

/**
 * The JVM-wide sum at one moment.
 *
 * @param atMillis when, since the run started
 * @param totalBytes the sum of every live store and watched database, accounted bytes
 */
public record TimelinePoint(long atMillis, long totalBytes) {

  /**
   * Checks the figures.
   *
   * @throws IllegalArgumentException when one is negative
   */
  public TimelinePoint {
    ReportFieldException.notNegative("atMillis", atMillis);
    ReportFieldException.notNegative("totalBytes", totalBytes);
  }
}

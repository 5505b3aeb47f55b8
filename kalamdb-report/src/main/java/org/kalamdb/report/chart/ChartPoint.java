package org.kalamdb.report.chart;

/**
 * One data point, in data units (e.g. milliseconds and bytes).
 *
 * @param x where along the x axis
 * @param y its value
 * @param note a tooltip for the point, or {@code null}
 */
public record ChartPoint(double x, double y, String note) {

  /** A point without a note. */
  public ChartPoint(double x, double y) {
    this(x, y, null);
  }
}

package org.kalamdb.report.chart;

import java.util.List;

/**
 * One line of a {@link SvgChart}, drawn through its points in order.
 *
 * @param name its legend entry
 * @param points its points, in the order to join them
 * @param dashed whether the line is dashed (a second measure of the same thing, such as RSS)
 */
public record ChartSeries(String name, List<ChartPoint> points, boolean dashed) {

  /** Copies the points. */
  public ChartSeries {
    points = List.copyOf(points);
  }
}

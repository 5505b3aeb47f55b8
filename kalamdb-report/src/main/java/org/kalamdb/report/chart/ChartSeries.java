package org.kalamdb.report.chart;

import java.util.List;

/**
 * One line of a {@link SvgChart}, drawn through its points in order.
 *
 * @param name its legend entry
 * @param points its points, in the order to join them
 * @param dashed whether the line is dashed (a second measure of the same thing, such as RSS)
 * @param colour which colour of the chart's palette, from 0; {@code -1}: the next one unused
 */
public record ChartSeries(String name, List<ChartPoint> points, boolean dashed, int colour) {

  /** Copies the points. */
  public ChartSeries {
    points = List.copyOf(points);
    if (colour < -1) {
      throw new IllegalArgumentException("a colour is an index from 0, or -1, got " + colour);
    }
  }

  /** A series in the next colour unused. */
  public ChartSeries(String name, List<ChartPoint> points, boolean dashed) {
    this(name, points, dashed, -1);
  }
}

package org.kalamdb.report.chart;

/**
 * One axis of a {@link SvgChart}: its title and the unit its tick labels are in.
 *
 * @param title what the axis shows, with its unit, e.g. {@code time (s)}
 * @param unit how many data units one tick-label unit is, e.g. {@code 1048576} for data in bytes
 *     labelled in MB, {@code 1} for labels in the data's own unit
 */
public record ChartAxis(String title, double unit) {

  /** Checks the unit. */
  public ChartAxis {
    if (!(unit > 0) || Double.isInfinite(unit)) {
      throw new IllegalArgumentException("an axis unit must be positive, got " + unit);
    }
  }
}

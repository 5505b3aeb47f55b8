package org.kalamdb.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps data values of one axis onto pixels, over a range widened to round tick values (1, 2 or 5
 * times a power of ten, in the axis's label unit).
 */
final class AxisScale {
  private static final int TARGET_TICKS = 6;

  private final double min;
  private final double max;
  private final double step;
  private final double unit;
  private final double fromPixel;
  private final double toPixel;

  private AxisScale(
      double min, double max, double step, double unit, double fromPixel, double toPixel) {
    this.min = min;
    this.max = max;
    this.step = step;
    this.unit = unit;
    this.fromPixel = fromPixel;
    this.toPixel = toPixel;
  }

  /**
   * A scale covering {@code low..high} (data units), drawn from {@code fromPixel} to {@code
   * toPixel}; ticks are round in units of {@code unit}.
   */
  static AxisScale covering(
      double low, double high, double unit, double fromPixel, double toPixel) {
    double lo = low / unit;
    double hi = high / unit;
    if (!(hi > lo)) {
      // One value (or none): a range around it, so that it is drawn inside the plot.
      hi = lo == 0 ? 1 : lo + Math.abs(lo);
      lo = Math.min(lo, 0);
    }
    double step = niceStep((hi - lo) / TARGET_TICKS);
    double min = Math.floor(lo / step) * step;
    double max = Math.ceil(hi / step) * step;
    return new AxisScale(min * unit, max * unit, step * unit, unit, fromPixel, toPixel);
  }

  private static double niceStep(double raw) {
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double factor : new double[] {1, 2, 5}) {
      if (factor * power >= raw) {
        return factor * power;
      }
    }
    return 10 * power;
  }

  /** The pixel of data value {@code value}. */
  double pixel(double value) {
    return fromPixel + (value - min) / (max - min) * (toPixel - fromPixel);
  }

  /** The tick values, in data units, from the lowest to the highest. */
  List<Double> ticks() {
    List<Double> ticks = new ArrayList<>();
    long count = Math.round((max - min) / step);
    for (long i = 0; i <= count; i++) {
      ticks.add(min + i * step);
    }
    return ticks;
  }

  /** A tick's label in the axis's unit, with as many decimals as the step needs. */
  String label(double value) {
    double inUnit = value / unit;
    double stepInUnit = step / unit;
    int decimals = stepInUnit >= 1 ? 0 : (int) Math.ceil(-Math.log10(stepInUnit) - 1e-9);
    return String.format(Locale.ROOT, "%." + decimals + "f", inUnit + 0.0);
  }
}

package org.kalamdb.report;

import java.util.Locale;

/**
 * Byte counts as people read them on the page, the plugin's log and the measure plot: MB (2^20
 * bytes) with one decimal.
 */
public final class Megabytes {
  private static final double MB = 1024.0 * 1024.0;

  private Megabytes() {}

  /** E.g. {@code 12.3 MB}. */
  public static String of(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / MB);
  }

  /** The number alone, e.g. {@code 12.3}. */
  static String number(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / MB);
  }

  /** The unit of a byte axis labelled in MB. */
  public static double unit() {
    return MB;
  }
}

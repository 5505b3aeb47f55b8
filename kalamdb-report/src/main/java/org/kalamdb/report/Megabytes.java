package org.kalamdb.report;

import java.util.Locale;

/**
 * Byte counts as people read them on the page, the plugin's log and the measure plot: MB (2^20
 * bytes) with one decimal, and a smaller unit where MB would show nothing but {@code 0.0}.
 */
public final class Megabytes {
  private static final double MB = 1024.0 * 1024.0;
  private static final long KB = 1024;

  private Megabytes() {}

  /**
   * E.g. {@code 12.3 MB}; below a tenth of a MB in KB (2^10 bytes) with one decimal, {@code 2.0
   * KB}, and below one KB in bytes, {@code 512 B}.
   */
  public static String of(long bytes) {
    if (bytes >= MB / 10) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / MB);
    }
    if (bytes >= KB) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / (double) KB);
    }
    return bytes + " B";
  }

  /** Whether {@link #of} shows {@code bytes} exactly, as a count of bytes. */
  static boolean exact(long bytes) {
    return bytes < KB;
  }

  /** The number alone in MB, e.g. {@code 12.3}, for a column or an axis labelled in MB. */
  static String number(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / MB);
  }

  /** The unit of a byte axis labelled in MB. */
  public static double unit() {
    return MB;
  }
}

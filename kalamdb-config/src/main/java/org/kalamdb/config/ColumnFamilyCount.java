package org.kalamdb.config;

/**
 * A column-family count as messages say it: {@code 1 column family}, {@code 57 column families}.
 */
public final class ColumnFamilyCount {
  private ColumnFamilyCount() {}

  /** {@code 1 column family} or {@code n column families}. */
  public static String text(long count) {
    return count + (count == 1 ? " column family" : " column families");
  }
}

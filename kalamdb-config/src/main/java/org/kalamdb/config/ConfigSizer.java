package org.kalamdb.config;

/** Turns a memory budget and a column-family count into a configuration whose worst case fits. */
public final class ConfigSizer {
  private ConfigSizer() {}

  /**
   * Values whose worst case for {@code columnFamilies} fits {@code budgetMb}.
   *
   * @throws IllegalArgumentException when no configuration fits, saying the smallest budget that
   *     would
   */
  public static RocksDbConfig forBudget(long budgetMb, int columnFamilies) {
    throw new UnsupportedOperationException("TODO: issue 2");
  }
}

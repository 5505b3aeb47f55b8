package org.kalamdb.cli.estimate;

import java.util.List;
import java.util.Locale;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.RocksDbConfig;

/**
 * One row of the "Expected Impact" table, computed: worst case of {@link RocksDbDefaults} against a
 * configuration's worst case for one column-family count.
 *
 * @param scenario the row's label, e.g. {@code 17 CFs (7 system + 10 tables)}
 * @param columnFamilies the column-family count
 * @param defaultsMb worst case with RocksDB defaults
 * @param defaultsFormula how {@code defaultsMb} is computed
 * @param configMb worst case of the configuration ({@link MemoryModel#worstCaseMb})
 * @param configFormula how {@code configMb} is computed ({@link MemoryModel#formula})
 * @param savingPercent {@code (defaultsMb - configMb) / defaultsMb}, in whole percent, rounded half
 *     up; negative when the configuration needs more
 */
public record Estimate(
    String scenario,
    int columnFamilies,
    long defaultsMb,
    String defaultsFormula,
    long configMb,
    String configFormula,
    double savingPercent) {

  /** KalamDB's system column families, the seed's "server startup" scenario. */
  static final int SYSTEM_COLUMN_FAMILIES = 7;

  /** The seed's three scenarios: startup, 10 tables, 50 tables. */
  public static final List<Integer> SEED_COLUMN_FAMILIES = List.of(7, 17, 57);

  /** The row for {@code columnFamilies} column families. */
  public static Estimate of(RocksDbConfig config, int columnFamilies) {
    long defaults = RocksDbDefaults.worstCaseMb(columnFamilies);
    long configured = MemoryModel.worstCaseMb(config, columnFamilies);
    return new Estimate(
        scenario(columnFamilies),
        columnFamilies,
        defaults,
        RocksDbDefaults.formula(columnFamilies),
        configured,
        MemoryModel.formula(config, columnFamilies),
        savingPercent(defaults, configured));
  }

  /** The saving formula as printed: {@code (1120 - 144) / 1120 = 87%}. */
  public String savingFormula() {
    return "(" + defaultsMb + " - " + configMb + ") / " + defaultsMb + " = " + savingText();
  }

  /** The saving as printed: {@code 87.1%}. */
  public String savingText() {
    return String.format(Locale.ROOT, "%.1f%%", savingPercent);
  }

  static double savingPercent(long defaultsMb, long configMb) {
    // defaultsMb is at least 160 (one column family), never 0.
    return Math.round((defaultsMb - configMb) * 1000.0 / defaultsMb) / 10.0;
  }

  private static String scenario(int columnFamilies) {
    if (columnFamilies == SYSTEM_COLUMN_FAMILIES) {
      return columnFamilies + " CFs (server startup, 7 system)";
    }
    if (columnFamilies > SYSTEM_COLUMN_FAMILIES) {
      int tables = columnFamilies - SYSTEM_COLUMN_FAMILIES;
      return columnFamilies + " CFs (7 system + " + tables + (tables == 1 ? " table)" : " tables)");
    }
    return columnFamilies + (columnFamilies == 1 ? " CF" : " CFs");
  }
}

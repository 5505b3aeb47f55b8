package org.kalamdb.cli.estimate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import org.kalamdb.config.ByteSize;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.config.ServerLayout;

/**
 * One row of the "Expected Impact" table, computed: worst case of {@link RocksDbDefaults} against a
 * configuration's worst case for one column-family count.
 *
 * <p>For a KalamDB server config ({@code [storage.rocksdb]}) the count is at least the six column
 * families the server opens ({@link MemoryModel#countedColumnFamilies}), the defaults are computed
 * for that same count, and the config's figure is shown exactly ({@code 3.25 MB}), since its sizes
 * are in bytes and a few MB in all.
 *
 * @param scenario the row's label, e.g. {@code 17 CFs (7 system + 10 tables)}
 * @param columnFamilies the column-family count
 * @param defaultsMb worst case with RocksDB defaults
 * @param defaultsFormula how {@code defaultsMb} is computed
 * @param configMb worst case of the configuration in MB, exactly ({@link
 *     MemoryModel#worstCaseMbExact})
 * @param configFormula how {@code configMb} is computed ({@link MemoryModel#formula})
 * @param savingPercent {@code (defaultsMb - configMb) / defaultsMb}, in percent with one decimal,
 *     rounded half up, exactly (a figure of any size); negative when the configuration needs more
 *     (a server config: from its exact bytes)
 * @param configBytes worst case of the configuration in bytes, exactly ({@link
 *     MemoryModel#worstCaseBytes})
 * @param configText the configuration's worst case as printed: {@code 144 MB}, or for a server
 *     config {@code 3.25 MB}
 */
public record Estimate(
    String scenario,
    int columnFamilies,
    long defaultsMb,
    String defaultsFormula,
    BigInteger configMb,
    String configFormula,
    BigDecimal savingPercent,
    BigInteger configBytes,
    String configText) {

  /** KalamDB's system column families, the seed's "server startup" scenario. */
  static final int SYSTEM_COLUMN_FAMILIES = 7;

  /** The seed's three scenarios: startup, 10 tables, 50 tables. */
  public static final List<Integer> SEED_COLUMN_FAMILIES = List.of(7, 17, 57);

  /** The row for {@code columnFamilies} column families. */
  public static Estimate of(RocksDbConfig config, int columnFamilies) {
    // A server file counts at least the six column families the server opens.
    int counted = MemoryModel.countedColumnFamilies(config, columnFamilies);
    boolean toolkit = config.dialect() == Dialect.TOOLKIT;
    long defaults = RocksDbDefaults.worstCaseMb(counted);
    BigInteger configured = MemoryModel.worstCaseMbExact(config, counted);
    BigInteger bytes = MemoryModel.worstCaseBytes(config, counted);
    return new Estimate(
        toolkit ? scenario(counted) : serverScenario(counted),
        counted,
        defaults,
        RocksDbDefaults.formula(counted),
        configured,
        MemoryModel.formula(config, counted),
        // Server sizes are bytes, not whole MB: the saving is computed exactly.
        toolkit
            ? savingPercent(BigInteger.valueOf(defaults), configured)
            : savingPercent(BigInteger.valueOf(defaults).shiftLeft(20), bytes),
        bytes,
        toolkit ? configured + " MB" : ByteSize.mb(bytes));
  }

  /** The saving formula as printed: {@code (1120 - 144) / 1120 = 87%}. */
  public String savingFormula() {
    String configured = configText.substring(0, configText.length() - " MB".length());
    return "(" + defaultsMb + " - " + configured + ") / " + defaultsMb + " = " + savingText();
  }

  /** The saving as printed: {@code 87.1%}. */
  public String savingText() {
    return savingPercent.toPlainString() + "%";
  }

  /**
   * {@code (defaults - configured) / defaults} in percent with one decimal, rounded half up, from
   * exact figures in one unit (MB or bytes; the defaults are at least 160 MB, never 0).
   */
  static BigDecimal savingPercent(BigInteger defaultsBytes, BigInteger configBytes) {
    return new BigDecimal(defaultsBytes.subtract(configBytes).multiply(BigInteger.valueOf(100)))
        .divide(new BigDecimal(defaultsBytes), 1, RoundingMode.HALF_UP);
  }

  private static String serverScenario(int columnFamilies) {
    int server = ServerLayout.COLUMN_FAMILIES.size();
    if (columnFamilies == server) {
      return columnFamilies + " CFs (KalamDB server)";
    }
    return columnFamilies + " CFs (KalamDB server + " + (columnFamilies - server) + " more)";
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

package org.kalamdb.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The one generate path of the Maven goal and the CLI: which dialect to write, the values (sized
 * for the budget, explicit values over them) and the check of the result, as {@code check} would
 * make it. How the result is written or printed, and the words that name the caller's own
 * parameters, stay with the caller.
 */
public final class ConfigGenerator {
  private final CheckOptions options;
  private final ConfigOverrides overrides;

  /**
   * A generator for {@code given}, in the dialect it forces or, without one, the dialect {@code
   * existing} has: a server file stays one, so that generate never adds a {@code [rocksdb]} section
   * beside its {@code [storage.rocksdb]}; anything else gets {@code [rocksdb]}.
   *
   * @param given the budget, the column-family count and the forced dialect, if any
   * @param overrides the values given explicitly
   * @param existing the file the section will be merged into, or {@code null} when there is none
   */
  public ConfigGenerator(CheckOptions given, ConfigOverrides overrides, Path existing) {
    this.options = given.withDialect(given.dialect().orElseGet(() -> detectedDialect(existing)));
    this.overrides = Objects.requireNonNull(overrides, "overrides");
  }

  /** The dialect this generator writes. */
  public Dialect dialect() {
    return options.dialect().orElseThrow();
  }

  /** The options the result is checked with: the given ones, in {@link #dialect()}. */
  public CheckOptions options() {
    return options;
  }

  /**
   * The values to write. {@code [rocksdb]}: {@link ConfigSizer#forBudgetOrDefaults} with the
   * explicit values put over it. {@code [storage.rocksdb]}: {@link
   * ConfigSizer#forServerBudgetOrDefaults} from {@code target}'s own settings ({@link
   * ConfigSizer#serverBase}); explicit values and a column-family count do not apply there.
   *
   * @param target the file the values will be written to, whose server settings are kept, or {@code
   *     null}
   * @throws GenerateRefusal when the inputs do not apply to the dialect, a value is out of range or
   *     no configuration fits the budget, checked in that order
   */
  public RocksDbConfig values(Path target) throws GenerateRefusal {
    Long budgetMb =
        options.memoryBudgetMb().isPresent() ? options.memoryBudgetMb().getAsLong() : null;
    if (dialect() == Dialect.TOOLKIT) {
      RocksDbConfig sized;
      try {
        sized = ConfigSizer.forBudgetOrDefaults(budgetMb, options.columnFamilies());
      } catch (IllegalArgumentException noFit) {
        throw new GenerateRefusal(GenerateRefusal.Reason.BUDGET_TOO_SMALL, noFit.getMessage());
      }
      try {
        return overrides.applyTo(sized);
      } catch (IllegalArgumentException outOfRange) {
        throw new GenerateRefusal(
            GenerateRefusal.Reason.VALUE_OUT_OF_RANGE, outOfRange.getMessage());
      }
    }
    if (!overrides.isEmpty()) {
      throw new GenerateRefusal(
          GenerateRefusal.Reason.TOOLKIT_VALUES_FOR_SERVER,
          "explicit [rocksdb] values do not apply to dialect kalamdb-server");
    }
    if (options.columnFamilyCount().isPresent()) {
      throw new GenerateRefusal(
          GenerateRefusal.Reason.COLUMN_FAMILIES_FOR_SERVER,
          "a column-family count does not apply to dialect kalamdb-server");
    }
    try {
      return ConfigSizer.forServerBudgetOrDefaults(budgetMb, ConfigSizer.serverBase(target));
    } catch (IllegalArgumentException noFit) {
      throw new GenerateRefusal(GenerateRefusal.Reason.BUDGET_TOO_SMALL, noFit.getMessage());
    }
  }

  /**
   * Checks {@code values} as written, with {@link #options()} (budget included), before anything is
   * written: explicit values may break the budget or the cap the sizing kept.
   *
   * @param fileName the name the diagnostics carry
   */
  public ValidationResult check(RocksDbConfig values, String fileName) {
    byte[] section = ConfigWriter.render(values).getBytes(StandardCharsets.UTF_8);
    return new ConfigValidator(options).validate(section, fileName);
  }

  /**
   * The file on its own, as {@link RocksDbConfig#load} reads it: only its dialect and whether it
   * has the section matter here, so no column-family count or budget applies.
   */
  private static Dialect detectedDialect(Path existing) {
    if (existing == null || !Files.isRegularFile(existing)) {
      return Dialect.TOOLKIT;
    }
    ValidationResult read = new ConfigValidator(CheckOptions.fileOnly()).validate(existing);
    boolean server = read.config().dialect() == Dialect.KALAMDB_SERVER;
    return server && read.sectionPresent() ? Dialect.KALAMDB_SERVER : Dialect.TOOLKIT;
  }
}

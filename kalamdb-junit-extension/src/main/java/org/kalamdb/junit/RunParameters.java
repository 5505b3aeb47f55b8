package org.kalamdb.junit;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.kalamdb.config.Dialect;

/**
 * The extension's configuration parameters (from {@code junit-platform.properties}, system
 * properties or the launcher), read and checked in one place.
 *
 * @param config the {@code kalamdb.store.config} value, if set
 * @param memoryBudgetMb the {@code kalamdb.store.memory-budget-mb} value, if set
 * @param cleanup the {@code kalamdb.store.cleanup} mode
 * @param baseDir the {@code kalamdb.store.base-dir} directory
 * @param reportToStdout the {@code kalamdb.store.report-stdout} flag: also print each store's peak
 *     on standard output, where Surefire's XML report keeps it (it drops JUnit report entries)
 * @param dialect the {@code kalamdb.store.dialect} value, if set
 */
record RunParameters(
    Optional<String> config,
    OptionalLong memoryBudgetMb,
    CleanupMode cleanup,
    Path baseDir,
    boolean reportToStdout,
    Optional<Dialect> dialect) {

  static final String CONFIG = "kalamdb.store.config";
  static final String MEMORY_BUDGET_MB = "kalamdb.store.memory-budget-mb";
  static final String CLEANUP = "kalamdb.store.cleanup";
  static final String BASE_DIR = "kalamdb.store.base-dir";
  static final String REPORT_STDOUT = "kalamdb.store.report-stdout";
  static final String DIALECT = "kalamdb.store.dialect";

  /** Reads every parameter; a bad value throws {@link ExtensionConfigurationException}. */
  static RunParameters read(ExtensionContext context) {
    Optional<String> config = nonBlank(context, CONFIG);
    OptionalLong budget = budget(nonBlank(context, MEMORY_BUDGET_MB));
    CleanupMode cleanup =
        nonBlank(context, CLEANUP)
            .map(
                value ->
                    CleanupMode.parse(value)
                        .orElseThrow(
                            () ->
                                new ExtensionConfigurationException(
                                    "configuration parameter "
                                        + CLEANUP
                                        + " has the invalid value '"
                                        + value
                                        + "'; valid values (case-insensitive): "
                                        + CleanupMode.validValues())))
            .orElse(CleanupMode.ALWAYS);
    Path baseDir =
        nonBlank(context, BASE_DIR)
            .map(RunParameters::baseDir)
            .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir")));
    boolean reportToStdout = nonBlank(context, REPORT_STDOUT).map(RunParameters::flag).orElse(true);
    Optional<Dialect> dialect =
        nonBlank(context, DIALECT)
            .map(value -> SettingsResolver.dialect(value, "configuration parameter " + DIALECT));
    return new RunParameters(config, budget, cleanup, baseDir, reportToStdout, dialect);
  }

  private static boolean flag(String value) {
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new ExtensionConfigurationException(
        "configuration parameter " + REPORT_STDOUT + " must be true or false, got '" + value + "'");
  }

  private static Optional<String> nonBlank(ExtensionContext context, String key) {
    return context.getConfigurationParameter(key).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static OptionalLong budget(Optional<String> value) {
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    String text = value.get();
    long mb;
    try {
      mb = Long.parseLong(text);
    } catch (NumberFormatException e) {
      mb = -1;
    }
    if (mb <= 0) {
      throw new ExtensionConfigurationException(
          "configuration parameter "
              + MEMORY_BUDGET_MB
              + " must be a positive whole number of MB, got '"
              + text
              + "'");
    }
    return OptionalLong.of(mb);
  }

  private static Path baseDir(String value) {
    try {
      return Path.of(value);
    } catch (java.nio.file.InvalidPathException e) {
      throw new ExtensionConfigurationException(
          "configuration parameter " + BASE_DIR + " is not a valid path: '" + value + "'", e);
    }
  }
}

package org.kalamdb.junit;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.junit.report.ReportFile;
import org.kalamdb.store.Storage;

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
 * @param storage the {@code kalamdb.store.storage} value, if set
 * @param memoryFilesInBudget the {@code kalamdb.store.memory-files-in-budget} flag: a memory
 *     store's budget also counts the memory its files hold
 * @param jvmBudgetMb the {@code kalamdb.store.jvm-budget-mb} value, if set: the budget of the sum
 *     of every live store and watched database of the JVM
 * @param report the {@code kalamdb.store.report} flag: write the memory report when the run ends
 * @param reportFile where: {@code kalamdb.store.report-dir} (default {@code
 *     target/kalamdb-reports}, relative to the working directory) and {@code
 *     kalamdb.store.report-id}
 */
record RunParameters(
    Optional<String> config,
    OptionalLong memoryBudgetMb,
    CleanupMode cleanup,
    Path baseDir,
    boolean reportToStdout,
    Optional<Dialect> dialect,
    Optional<Storage> storage,
    boolean memoryFilesInBudget,
    OptionalLong jvmBudgetMb,
    boolean report,
    ReportFile reportFile) {

  static final String CONFIG = "kalamdb.store.config";
  static final String MEMORY_BUDGET_MB = "kalamdb.store.memory-budget-mb";
  static final String CLEANUP = "kalamdb.store.cleanup";
  static final String BASE_DIR = "kalamdb.store.base-dir";
  static final String REPORT_STDOUT = "kalamdb.store.report-stdout";
  static final String DIALECT = "kalamdb.store.dialect";
  static final String STORAGE = "kalamdb.store.storage";
  static final String MEMORY_FILES_IN_BUDGET = "kalamdb.store.memory-files-in-budget";
  static final String JVM_BUDGET_MB = "kalamdb.store.jvm-budget-mb";
  static final String REPORT = "kalamdb.store.report";
  static final String REPORT_DIR = "kalamdb.store.report-dir";
  static final String REPORT_ID = "kalamdb.store.report-id";

  /** The report directory when none is set, relative to the working directory. */
  static final Path DEFAULT_REPORT_DIR = Path.of("target", "kalamdb-reports");

  /** A report id goes into a file name: letters, digits, dot, dash and underscore. */
  private static final java.util.regex.Pattern REPORT_ID_CHARACTERS =
      java.util.regex.Pattern.compile("[A-Za-z0-9._-]+");

  /** Reads every parameter; a bad value throws {@link ExtensionConfigurationException}. */
  static RunParameters read(ExtensionContext context) {
    Optional<String> config = nonBlank(context, CONFIG);
    OptionalLong budget = positiveMb(MEMORY_BUDGET_MB, nonBlank(context, MEMORY_BUDGET_MB));
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
            .map(value -> path(BASE_DIR, value))
            .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir")));
    boolean reportToStdout =
        nonBlank(context, REPORT_STDOUT).map(value -> flag(REPORT_STDOUT, value)).orElse(true);
    Optional<Dialect> dialect =
        nonBlank(context, DIALECT)
            .map(value -> SettingsResolver.dialect(value, "configuration parameter " + DIALECT));
    Optional<Storage> storage =
        nonBlank(context, STORAGE)
            .map(value -> SettingsResolver.storage(value, "configuration parameter " + STORAGE));
    boolean filesInBudget =
        nonBlank(context, MEMORY_FILES_IN_BUDGET)
            .map(v -> flag(MEMORY_FILES_IN_BUDGET, v))
            .orElse(false);
    OptionalLong jvmBudget = positiveMb(JVM_BUDGET_MB, nonBlank(context, JVM_BUDGET_MB));
    boolean report = report(context);
    ReportFile reportFile = reportFile(context);
    return new RunParameters(
        config,
        budget,
        cleanup,
        baseDir,
        reportToStdout,
        dialect,
        storage,
        filesInBudget,
        jvmBudget,
        report,
        reportFile);
  }

  /**
   * Where this run's memory report goes, read alone: a run whose other parameters are bad still
   * knows which report is its own. Empty when {@code kalamdb.store.report} is {@code false} or when
   * a report parameter is itself bad (no run can have written a report there).
   */
  static Optional<ReportFile> reportLocation(ExtensionContext context) {
    try {
      return report(context) ? Optional.of(reportFile(context)) : Optional.empty();
    } catch (ExtensionConfigurationException bad) {
      return Optional.empty();
    }
  }

  private static boolean report(ExtensionContext context) {
    return nonBlank(context, REPORT).map(value -> flag(REPORT, value)).orElse(true);
  }

  private static ReportFile reportFile(ExtensionContext context) {
    Path reportDir =
        nonBlank(context, REPORT_DIR)
            .map(value -> path(REPORT_DIR, value))
            .orElse(DEFAULT_REPORT_DIR);
    Optional<String> reportId = nonBlank(context, REPORT_ID).map(RunParameters::reportId);
    return new ReportFile(reportDir, reportId);
  }

  private static boolean flag(String key, String value) {
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new ExtensionConfigurationException(
        "configuration parameter " + key + " must be true or false, got '" + value + "'");
  }

  private static String reportId(String value) {
    if (!REPORT_ID_CHARACTERS.matcher(value).matches()) {
      throw new ExtensionConfigurationException(
          "configuration parameter "
              + REPORT_ID
              + " names the report file kalamdb-memory-ID.json and may hold only letters, digits,"
              + " '.', '-' and '_', got '"
              + value
              + "'");
    }
    return value;
  }

  private static Optional<String> nonBlank(ExtensionContext context, String key) {
    return context.getConfigurationParameter(key).map(String::strip).filter(v -> !v.isEmpty());
  }

  private static OptionalLong positiveMb(String key, Optional<String> value) {
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
              + key
              + " must be a positive whole number of MB, got '"
              + text
              + "'");
    }
    if (mb > RocksDbConfig.MAX_SIZE_MB) {
      // Its bytes would not fit the report's 64-bit figures (nor any peak's check).
      throw new ExtensionConfigurationException(
          "configuration parameter "
              + key
              + " must be between 1 and "
              + RocksDbConfig.MAX_SIZE_MB
              + " MB (2^63 bytes), got '"
              + text
              + "'");
    }
    return OptionalLong.of(mb);
  }

  private static Path path(String key, String value) {
    try {
      return Path.of(value);
    } catch (java.nio.file.InvalidPathException e) {
      throw new ExtensionConfigurationException(
          "configuration parameter " + key + " is not a valid path: '" + value + "'", e);
    }
  }
}

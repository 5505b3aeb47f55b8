package org.kalamdb.cli.check;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kalamdb.cli.BudgetOptions;
import org.kalamdb.cli.DialectOption;
import org.kalamdb.cli.JsonOutput;
import org.kalamdb.cli.ProcessCase;
import org.kalamdb.config.CheckOptions;
import org.kalamdb.config.ConfigValidator;
import org.kalamdb.config.ConfigValues;
import org.kalamdb.config.Diagnostic;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.ProcessModel;
import org.kalamdb.config.ResourceLimits;
import org.kalamdb.config.ValidationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kalamdb check}: validates each file, prints every diagnostic in the located form and one
 * summary line per file, and exits 1 when any file has errors (or warnings, when asked).
 */
@Command(
    name = "check",
    header = "Validates config.toml files; exit 1 on problems.",
    description = {
      "Validates the [rocksdb] section of each FILE (or the [storage.rocksdb] section and its"
          + " cf_profiles of a KalamDB server.toml) and prints every problem as"
          + " file:line:col: severity: message, then one summary line per file with its worst"
          + " case."
    },
    exitCodeList = {
      "0:every file is valid (warnings allowed)",
      "1:a file has errors (or warnings, with --fail-on-warning)",
      "2:usage error"
    })
public final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin BudgetOptions budget;

  @Mixin DialectOption dialect;

  @Option(names = "--fail-on-warning", description = "Exit 1 on warnings too.")
  boolean failOnWarning;

  @Option(names = "--json", description = "Print one JSON document instead of text.")
  boolean json;

  @Option(
      names = "--process",
      description =
          "Under each valid file's summary, also print the RSS its store adds to the process: the"
              + " worst case plus what RocksDB does not account (librocksdbjni, per store and per"
              + " column family) and the allocator's slack, as measured. --json always has it.")
  boolean process;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "config.toml files to check.")
  List<Path> files;

  /** The file's result; running out of heap or stack is one located line too, never a trace. */
  private static ValidationResult validated(ConfigValidator validator, Path file) {
    try {
      return validator.validate(file);
    } catch (OutOfMemoryError | StackOverflowError e) {
      return ResourceLimits.failed(file.toString(), e);
    }
  }

  @Override
  public Integer call() {
    CheckOptions options = budget.checkOptions().withDialect(dialect.dialect());
    ConfigValidator validator = new ConfigValidator(options);
    List<FileReport> reports = new ArrayList<>();
    for (Path file : files) {
      reports.add(FileReport.of(validated(validator, file), options));
    }
    boolean failed = reports.stream().anyMatch(r -> r.fails(failOnWarning));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(
          out,
          new CheckReport(
              !failed,
              budget.columnFamilies(),
              dialect.dialect().map(Dialect::id).orElse(null),
              budget.budgetMb(),
              failOnWarning,
              reports.stream().map(FileReport::toJson).toList()));
    } else {
      for (FileReport report : reports) {
        report.result().diagnostics().stream().map(Diagnostic::format).forEach(out::println);
        out.println(report.summary());
        if (process) {
          report.processLine().ifPresent(out::println);
        }
      }
      out.flush();
    }
    return failed ? 1 : 0;
  }

  /**
   * The {@code --json} document; {@code columnFamilies} and {@code dialect} are the options given,
   * {@code null} when not (each file's worst case then says the count its dialect used).
   */
  record CheckReport(
      boolean valid,
      Integer columnFamilies,
      String dialect,
      Long budgetMb,
      boolean failOnWarning,
      List<FileReport.Json> files) {}

  /** One file's result with its worst case, as text and as JSON. */
  record FileReport(
      ValidationResult result,
      int columnFamilies,
      WorstCase worstCase,
      Optional<WorstCase.Legacy> legacy) {

    static FileReport of(ValidationResult result, CheckOptions options) {
      int columnFamilies = options.columnFamiliesFor(result.config());
      return new FileReport(
          result,
          columnFamilies,
          WorstCase.of(result.config(), columnFamilies),
          WorstCase.Legacy.of(result.config(), MemoryModel.legacyColumnFamilies(options)));
    }

    boolean fails(boolean failOnWarning) {
      return result.hasErrors() || (failOnWarning && result.hasWarnings());
    }

    /**
     * The summary line, e.g. {@code config.toml: ok, worst case 304 MB for 17 column ...}; for a
     * server file with the legacy keys followed by {@code ; with the legacy keys (...): worst case
     * ...}, what the releases that read them would use.
     */
    String summary() {
      String file = result.file();
      int errors = result.errors().size();
      int warnings = result.warnings().size();
      if (errors > 0) {
        return file
            + ": "
            + count(errors, "error")
            + (warnings > 0 ? ", " + count(warnings, "warning") : "")
            + "; not valid";
      }
      String verdict = warnings > 0 ? "ok with " + count(warnings, "warning") : "ok";
      if (!result.sectionPresent()) {
        verdict +=
            result.config().dialect() == Dialect.TOOLKIT
                ? "; no [rocksdb] section; the defaults apply"
                : "; no [storage.rocksdb] section; the server's defaults apply";
      }
      // One line per file, also with the legacy keys: their worst case follows on the same line.
      return file
          + ": "
          + verdict
          + ", "
          + MemoryModel.worstCaseSentence(result.config(), columnFamilies)
          + legacy.map(l -> "; " + l.sentence()).orElse("");
    }

    /**
     * For a valid file, the RSS its store adds beyond the worst case's accounted memory, indented
     * under the summary: {@code process: about 88 MB of RSS for RocksDB (...)}.
     */
    Optional<String> processLine() {
      return result.hasErrors()
          ? Optional.empty()
          : Optional.of("  " + ProcessModel.processSentence(result.config(), columnFamilies));
    }

    Json toJson() {
      boolean hasErrors = result.hasErrors();
      return new Json(
          result.file(),
          !hasErrors,
          hasErrors ? null : result.config().dialect().id(),
          result.sectionPresent(),
          hasErrors ? null : ConfigValues.of(result.config()),
          hasErrors ? null : worstCase,
          hasErrors ? null : legacy.orElse(null),
          hasErrors ? null : ProcessCase.of(result.config(), columnFamilies),
          result.diagnostics().stream().map(DiagnosticJson::of).toList());
    }

    private static String count(int n, String noun) {
      return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * One file in the {@code --json} document; dialect, config and worst cases only for a valid
     * file, the legacy worst case only for a server file with the legacy keys.
     */
    record Json(
        String file,
        boolean valid,
        String dialect,
        boolean sectionPresent,
        Map<String, Object> config,
        WorstCase worstCase,
        WorstCase.Legacy legacyWorstCase,
        ProcessCase process,
        List<DiagnosticJson> diagnostics) {}
  }
}

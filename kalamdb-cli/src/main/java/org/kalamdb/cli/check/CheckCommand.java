package org.kalamdb.cli.check;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kalamdb.cli.BudgetOptions;
import org.kalamdb.cli.JsonOutput;
import org.kalamdb.config.CheckOptions;
import org.kalamdb.config.ConfigKey;
import org.kalamdb.config.ConfigValidator;
import org.kalamdb.config.Diagnostic;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.RocksDbConfig;
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
      "Validates the [rocksdb] section of each FILE and prints every problem as"
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

  @Option(names = "--fail-on-warning", description = "Exit 1 on warnings too.")
  boolean failOnWarning;

  @Option(names = "--json", description = "Print one JSON document instead of text.")
  boolean json;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "config.toml files to check.")
  List<Path> files;

  @Override
  public Integer call() {
    CheckOptions options = budget.checkOptions();
    ConfigValidator validator = new ConfigValidator(options);
    List<FileReport> reports = new ArrayList<>();
    for (Path file : files) {
      reports.add(FileReport.of(validator.validate(file), options.columnFamilies()));
    }
    boolean failed = reports.stream().anyMatch(r -> r.fails(failOnWarning));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(
          out,
          new CheckReport(
              !failed,
              options.columnFamilies(),
              budget.budgetMb(),
              failOnWarning,
              reports.stream().map(FileReport::toJson).toList()));
    } else {
      for (FileReport report : reports) {
        report.result().diagnostics().stream().map(Diagnostic::format).forEach(out::println);
        out.println(report.summary());
      }
      out.flush();
    }
    return failed ? 1 : 0;
  }

  /** The {@code --json} document. */
  record CheckReport(
      boolean valid,
      int columnFamilies,
      Long budgetMb,
      boolean failOnWarning,
      List<FileReport.Json> files) {}

  /** One file's result with its worst case, as text and as JSON. */
  record FileReport(ValidationResult result, int columnFamilies, WorstCase worstCase) {

    static FileReport of(ValidationResult result, int columnFamilies) {
      return new FileReport(result, columnFamilies, WorstCase.of(result.config(), columnFamilies));
    }

    boolean fails(boolean failOnWarning) {
      return result.hasErrors() || (failOnWarning && result.hasWarnings());
    }

    /** The summary line, e.g. {@code config.toml: ok, worst case 304 MB for 17 column ...}. */
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
        verdict += "; no [rocksdb] section; the defaults apply";
      }
      return file
          + ": "
          + verdict
          + ", "
          + MemoryModel.worstCaseSentence(result.config(), columnFamilies);
    }

    Json toJson() {
      boolean hasErrors = result.hasErrors();
      return new Json(
          result.file(),
          !hasErrors,
          result.sectionPresent(),
          hasErrors ? null : configValues(result.config()),
          hasErrors ? null : worstCase,
          result.diagnostics().stream().map(DiagnosticJson::of).toList());
    }

    /** The values under their TOML names, in {@link ConfigKey} order. */
    private static Map<String, Long> configValues(RocksDbConfig config) {
      Map<String, Long> values = new LinkedHashMap<>();
      for (ConfigKey key : ConfigKey.values()) {
        values.put(key.tomlName(), key.valueIn(config));
      }
      return values;
    }

    private static String count(int n, String noun) {
      return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** One file in the {@code --json} document; config and worst case only for a valid file. */
    record Json(
        String file,
        boolean valid,
        boolean sectionPresent,
        Map<String, Long> config,
        WorstCase worstCase,
        List<DiagnosticJson> diagnostics) {}
  }
}

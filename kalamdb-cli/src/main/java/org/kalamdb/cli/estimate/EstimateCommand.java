package org.kalamdb.cli.estimate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kalamdb.cli.JsonOutput;
import org.kalamdb.cli.TextTable;
import org.kalamdb.config.ConfigValidator;
import org.kalamdb.config.Diagnostic;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.config.ValidationResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kalamdb estimate}: the seed report's "Expected Impact" table, computed from the memory
 * model instead of guessed. See {@link RocksDbDefaults} for what "RocksDB defaults" means.
 */
@Command(
    name = "estimate",
    header = "Computes worst-case memory: RocksDB defaults vs a config.",
    description = {
      "Worst-case memory of RocksDB's defaults (64 MB x 2 write buffers and a 32 MB cache per"
          + " column family) against a configuration, for each column-family count, with the"
          + " saving and the formula of every figure."
    },
    exitCodeList = {"0:table printed", "1:--config FILE has errors", "2:usage error"})
public final class EstimateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "config.toml to compare (default: the built-in defaults, 8 MB x 2 + 32 MB).")
  Path config;

  @Option(
      names = "--column-families",
      paramLabel = "N",
      split = ",",
      description = "Column-family counts, one row each (default: 7,17,57, the seed's scenarios).")
  List<Integer> columnFamilies;

  @Option(names = "--json", description = "Print one JSON document instead of the table.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Integer> counts = columnFamilies == null ? Estimate.SEED_COLUMN_FAMILIES : columnFamilies;
    for (int count : counts) {
      if (count < 1) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--column-families must be >= 1, got " + count);
      }
    }
    RocksDbConfig rocksDbConfig = RocksDbConfig.defaults();
    String source = "the built-in defaults (the seed's settings)";
    if (config != null) {
      ValidationResult result = new ConfigValidator().validate(config);
      if (result.hasErrors()) {
        PrintWriter err = spec.commandLine().getErr();
        result.diagnostics().stream().map(Diagnostic::format).forEach(err::println);
        err.println(config + ": not valid; nothing estimated");
        return 1;
      }
      rocksDbConfig = result.config();
      source = config.toString();
    }
    RocksDbConfig chosen = rocksDbConfig;
    List<Estimate> rows = counts.stream().map(n -> Estimate.of(chosen, n)).toList();
    if (json) {
      JsonOutput.print(out, new Report(source, rows));
    } else {
      printTable(out, source, rows);
    }
    return 0;
  }

  private static void printTable(PrintWriter out, String source, List<Estimate> rows) {
    TextTable table = new TextTable("Scenario", "RocksDB defaults", "this config", "saving");
    for (Estimate row : rows) {
      table.row(row.scenario(), row.defaultsMb() + " MB", row.configMb() + " MB", row.savingText());
    }
    out.println("Worst case, RocksDB defaults vs " + source + ":");
    out.println();
    table.print(out);
    out.println();
    out.println("Formulas:");
    for (Estimate row : rows) {
      out.println("  " + row.scenario() + ":");
      out.println(
          "    RocksDB defaults: " + row.defaultsFormula() + " = " + row.defaultsMb() + " MB");
      out.println("    this config:      " + row.configFormula() + " = " + row.configMb() + " MB");
      out.println("    saving:           " + row.savingFormula());
    }
    out.println();
    out.println(
        "RocksDB defaults: write_buffer_size 64 MB, max_write_buffer_number 2 and a 32 MB LRU"
            + " block cache in each column family's own table factory (rocksdbjni 11.8.1).");
    out.flush();
  }

  /** The {@code --json} document. */
  record Report(String config, List<Estimate> scenarios) {}
}

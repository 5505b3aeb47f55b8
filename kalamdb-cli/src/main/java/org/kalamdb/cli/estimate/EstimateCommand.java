package org.kalamdb.cli.estimate;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kalamdb.cli.DialectOption;
import org.kalamdb.cli.JsonOutput;
import org.kalamdb.cli.ProcessCase;
import org.kalamdb.cli.TextTable;
import org.kalamdb.config.CheckOptions;
import org.kalamdb.config.ConfigValidator;
import org.kalamdb.config.Diagnostic;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.ProcessModel;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.config.ServerLayout;
import org.kalamdb.config.ValidationResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
          + " saving and the formula of every figure. For a KalamDB server config"
          + " ([storage.rocksdb], or --dialect kalamdb-server) the row is the six column families"
          + " the server opens.",
      "With --kafka-streams: a Kafka Streams topology of --stores x --partitions x --segments"
          + " RocksDB instances, Kafka Streams 4.4's defaults (per instance: a 50 MB cache, 16 MB x"
          + " 3 write buffers per column family, 1 MB x 2 for the offsets column family) per"
          + " instance and in total, against the config as KalamRocksDBConfigSetter applies it"
          + " (one cache and one memtable limit shared by every instance)."
    },
    exitCodeList = {"0:table printed", "1:--config FILE has errors", "2:usage error"})
public final class EstimateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "config.toml or server.toml to compare (default: the built-in defaults, 8 MB x 2 + 32"
              + " MB; with --dialect kalamdb-server, the KalamDB server's defaults).")
  Path config;

  @Mixin DialectOption dialect;

  @Option(
      names = "--column-families",
      paramLabel = "N",
      split = ",",
      description =
          "Column-family counts, one row each (default: 7,17,57, the seed's scenarios; for a"
              + " server config, the server's 6).")
  List<Integer> columnFamilies;

  @Option(names = "--json", description = "Print one JSON document instead of the table.")
  boolean json;

  @Option(
      names = "--kafka-streams",
      description =
          "Estimate a Kafka Streams topology (needs --stores and --partitions) instead of one"
              + " store's column families.")
  boolean kafkaStreams;

  @Option(
      names = "--stores",
      paramLabel = "N",
      description = "With --kafka-streams: the topology's persistent state stores.")
  Integer stores;

  @Option(
      names = "--partitions",
      paramLabel = "P",
      description = "With --kafka-streams: partitions of each store.")
  Integer partitions;

  @Option(
      names = "--segments",
      paramLabel = "S",
      description =
          "With --kafka-streams: RocksDB instances per partition, a window or session store's"
              + " segments (default: 1, key-value stores).")
  Integer segments;

  @Option(
      names = "--column-families-per-store",
      paramLabel = "K",
      description =
          "With --kafka-streams: column families of each RocksDB instance, the offsets one"
              + " included (default: 3, a timestamped key-value store as the DSL makes it; 2 for"
              + " Stores.persistentKeyValueStore).")
  Integer columnFamiliesPerStore;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Optional<KafkaTopology> topology = kafkaTopology();
    if (columnFamilies != null) {
      if (columnFamilies.isEmpty()) {
        // "--column-families ," splits into no count at all: an empty table says nothing.
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--column-families needs at least one count >= 1, got none");
      }
      for (int count : columnFamilies) {
        if (count < 1) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--column-families must be >= 1, got " + count);
        }
      }
    }
    Optional<Dialect> forced = dialect.dialect();
    RocksDbConfig rocksDbConfig = RocksDbConfig.defaults();
    String source = "the built-in defaults (the seed's settings)";
    if (forced.orElse(Dialect.TOOLKIT) != Dialect.TOOLKIT) {
      rocksDbConfig = RocksDbConfig.serverDefaults();
      source = "the KalamDB server's defaults";
    }
    if (config != null) {
      // No count of our own: a server file's checks then use the server's column families.
      CheckOptions options = CheckOptions.none().withDialectColumnFamilies().withDialect(forced);
      ValidationResult result = new ConfigValidator(options).validate(config);
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
    if (topology.isPresent()) {
      KafkaEstimate estimate;
      try {
        estimate = KafkaEstimate.of(chosen, topology.get());
      } catch (IllegalArgumentException notToolkit) {
        throw new CommandLine.ParameterException(spec.commandLine(), notToolkit.getMessage());
      }
      if (json) {
        JsonOutput.print(
            out,
            new KafkaReport(source, chosen.dialect().id(), Topology.of(topology.get()), estimate));
      } else {
        new KafkaEstimateTable(chosen, topology.get(), estimate).print(out, source);
      }
      return 0;
    }
    List<Integer> counts = columnFamilies;
    if (counts == null) {
      counts =
          chosen.dialect() == Dialect.TOOLKIT
              ? Estimate.SEED_COLUMN_FAMILIES
              : List.of(ServerLayout.COLUMN_FAMILIES.size());
    }
    List<Estimate> rows = counts.stream().map(n -> Estimate.of(chosen, n)).toList();
    if (json) {
      List<ProcessCase> process =
          rows.stream().map(row -> ProcessCase.of(chosen, row.columnFamilies())).toList();
      JsonOutput.print(out, new Report(source, chosen.dialect().id(), rows, process));
    } else {
      printTable(out, source, rows, chosen);
    }
    return 0;
  }

  private static void printTable(
      PrintWriter out, String source, List<Estimate> rows, RocksDbConfig config) {
    TextTable table = new TextTable("Scenario", "RocksDB defaults", "this config", "saving");
    for (Estimate row : rows) {
      table.row(row.scenario(), row.defaultsMb() + " MB", row.configText(), row.savingText());
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
      out.println("    this config:      " + row.configFormula() + " = " + row.configText());
      out.println("    saving:           " + row.savingFormula());
      out.println(
          "    process:          " + ProcessModel.processFigure(config, row.columnFamilies()));
    }
    out.println();
    out.println(
        "RocksDB defaults: write_buffer_size 64 MB, max_write_buffer_number 2 and a 32 MB LRU"
            + " block cache in each column family's own table factory (rocksdbjni 11.8.1).");
    out.flush();
  }

  /**
   * The topology {@code --kafka-streams} gives, empty without it.
   *
   * @throws CommandLine.ParameterException (a usage error, exit 2) for a topology option without
   *     {@code --kafka-streams}, a missing or out-of-range count, or {@code --column-families}
   *     beside it
   */
  private Optional<KafkaTopology> kafkaTopology() {
    if (!kafkaStreams) {
      needsKafkaStreams("--stores", stores);
      needsKafkaStreams("--partitions", partitions);
      needsKafkaStreams("--segments", segments);
      needsKafkaStreams("--column-families-per-store", columnFamiliesPerStore);
      return Optional.empty();
    }
    if (columnFamilies != null) {
      throw usage("--column-families and --kafka-streams exclude each other");
    }
    if (stores == null || partitions == null) {
      throw usage("--kafka-streams needs --stores N and --partitions P");
    }
    try {
      return Optional.of(
          new KafkaTopology(
              stores,
              partitions,
              segments == null ? 1 : segments,
              columnFamiliesPerStore == null
                  ? KafkaStreamsDefaults.TIMESTAMPED_STORE_COLUMN_FAMILIES
                  : columnFamiliesPerStore));
    } catch (IllegalArgumentException outOfRange) {
      throw usage(outOfRange.getMessage());
    }
  }

  private void needsKafkaStreams(String option, Integer value) {
    if (value != null) {
      throw usage(option + " needs --kafka-streams");
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  /** The {@code --json} document: where the config came from, its dialect id, one row per count. */
  record Report(
      String config, String dialect, List<Estimate> scenarios, List<ProcessCase> process) {}

  /** The {@code --json} document with {@code --kafka-streams}. */
  record KafkaReport(String config, String dialect, Topology topology, KafkaEstimate estimate) {}

  /** The topology's counts and the instances and column families they make, for JSON. */
  record Topology(
      int stores,
      int partitions,
      int segments,
      int columnFamiliesPerStore,
      int instances,
      int columnFamilies) {
    static Topology of(KafkaTopology topology) {
      return new Topology(
          topology.stores(),
          topology.partitions(),
          topology.segments(),
          topology.columnFamiliesPerStore(),
          topology.instances(),
          topology.columnFamilies());
    }
  }
}

package org.kalamdb.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.rocksdb.RocksDB;

/**
 * Measures one Kafka Streams topology under (a) Kafka's defaults, (b) the memory guide's bounded
 * setter ({@link GuideBoundedMemorySetter}) and (c) {@link KalamRocksDBConfigSetter} with {@code
 * capped.toml}: accounted peak over all stores (Kafka's metrics), RSS growth and records per
 * second, through a {@code TopologyTestDriver} and through a real {@code KafkaStreams} against an
 * in-process KRaft broker ({@link KraftBroker}). Not a test: a command (see README).
 *
 * <p>Each case runs in a child JVM of its own (fixed, pre-touched heap, so RSS growth is native
 * memory, and no case inherits another's allocations); the broker runs in this JVM. Options:
 *
 * <pre>
 * --drivers=driver,kafka  --setups=a,b,c  --stores=1,10,30,100  --kinds=kv,window
 * --mb-per-store=2  --partitions=4  --out=DIR  --same-jvm (run cases here, for the smoke test)
 * --replot=A.csv,B.csv (no case run: the table and plot of earlier runs' results together)
 * </pre>
 *
 * Writes {@code results.csv}, {@code table.md} and {@code kafka-streams-memory.svg} into {@code
 * DIR} (default {@code target/streams-memory}).
 */
public final class StreamsMemoryHarness {
  private static final String CHILD_HEAP = "384m";

  private StreamsMemoryHarness() {}

  /** The options of one run. */
  record Options(
      List<String> drivers,
      List<Setup> setups,
      List<Integer> stores,
      List<HarnessTopology.Kind> kinds,
      long bytesPerStore,
      int partitions,
      Path out,
      boolean sameJvm,
      List<Path> replot) {

    static Options parse(String[] args) {
      List<String> drivers = List.of("driver", "kafka");
      List<Setup> setups = List.of(Setup.values());
      List<Integer> stores = List.of(1, 10, 30, 100);
      List<HarnessTopology.Kind> kinds = List.of(HarnessTopology.Kind.values());
      long bytesPerStore = 2L << 20;
      int partitions = 4;
      Path out = Path.of("target", "streams-memory");
      boolean sameJvm = false;
      List<Path> replot = List.of();
      for (String arg : args) {
        String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
        String key = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        switch (key) {
          case "--drivers" -> {
            drivers = List.of(value.split(","));
            for (String d : drivers) {
              if (!d.equals("driver") && !d.equals("kafka")) {
                throw new IllegalArgumentException("--drivers: driver or kafka, got " + d);
              }
            }
          }
          case "--setups" -> setups = Stream.of(value.split(",")).map(Setup::of).toList();
          case "--stores" -> stores = Stream.of(value.split(",")).map(Integer::valueOf).toList();
          case "--kinds" ->
              kinds = Stream.of(value.split(",")).map(HarnessTopology.Kind::of).toList();
          case "--mb-per-store" -> bytesPerStore = (long) (Double.parseDouble(value) * (1 << 20));
          case "--partitions" -> partitions = Integer.parseInt(value);
          case "--out" -> out = Path.of(value);
          case "--same-jvm" -> sameJvm = true;
          case "--replot" -> replot = Stream.of(value.split(",")).map(Path::of).toList();
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      return new Options(
          drivers, setups, stores, kinds, bytesPerStore, partitions, out, sameJvm, replot);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("case")) {
      System.out.println(
          runHere(HarnessCase.fromArgs(List.of(args).subList(1, args.length))).toLine());
      // Kafka's and RocksDB's own threads must not keep the child alive.
      System.exit(0);
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("StreamsMemoryHarness: error: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (options.replot().isEmpty()) {
      run(options);
    } else {
      List<CaseResult> results = new ArrayList<>();
      for (Path csv : options.replot()) {
        Files.readAllLines(csv).stream()
            .filter(line -> !line.isBlank() && !line.equals(CaseResult.CSV_HEADER))
            .forEach(line -> results.add(CaseResult.parse(CaseResult.PREFIX + line)));
      }
      write(options.out(), results);
    }
  }

  /** Runs every case the options name and writes the results; returns them. */
  static List<CaseResult> run(Options options) throws Exception {
    List<CaseResult> results = new ArrayList<>();
    for (String driver : options.drivers()) {
      KraftBroker broker = driver.equals("kafka") ? KraftBroker.start() : null;
      try {
        for (HarnessTopology.Kind kind : options.kinds()) {
          for (int stores : options.stores()) {
            String topic = "in-" + kind.label + "-" + stores;
            String bootstrap = broker == null ? "unused:9092" : broker.bootstrapServers();
            if (broker != null) {
              broker.fill(
                  topic, options.partitions(), new HarnessInput(stores, options.bytesPerStore()));
            }
            for (Setup setup : options.setups()) {
              HarnessCase c =
                  new HarnessCase(
                      driver, setup, kind, stores, options.bytesPerStore(), bootstrap, topic);
              CaseResult result = options.sameJvm() ? runHere(c) : runInChild(c);
              System.out.println(result.toLine());
              results.add(result);
            }
          }
        }
      } finally {
        if (broker != null) {
          broker.close();
        }
      }
    }
    write(options.out(), results);
    return results;
  }

  private static void write(Path out, List<CaseResult> results) throws IOException {
    Files.createDirectories(out);
    ResultTable table = new ResultTable(results);
    Files.writeString(out.resolve("results.csv"), table.csv());
    Files.writeString(out.resolve("table.md"), table.markdown());
    Files.writeString(
        out.resolve("kafka-streams-memory.svg"),
        new MemoryPlot(results, GuideBoundedMemorySetter.TOTAL_OFF_HEAP_BYTES).svg());
    System.out.println(table.markdown());
    System.out.println("written to " + out.toAbsolutePath());
  }

  private static CaseResult runHere(HarnessCase c) throws Exception {
    RocksDB.loadLibrary();
    Path stateDir = Files.createTempDirectory("kalamdb-streams-harness");
    try {
      return c.driver().equals("kafka") ? KafkaCase.run(c, stateDir) : DriverCase.run(c, stateDir);
    } finally {
      deleteTree(stateDir);
    }
  }

  private static CaseResult runInChild(HarnessCase c) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xms" + CHILD_HEAP,
            "-Xmx" + CHILD_HEAP,
            "-XX:+AlwaysPreTouch",
            "-cp",
            System.getProperty("java.class.path"),
            StreamsMemoryHarness.class.getName(),
            "case"));
    command.addAll(c.toArgs());
    Process child =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    CaseResult result = null;
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith(CaseResult.PREFIX)) {
          result = CaseResult.parse(line);
        }
      }
    }
    int exit = child.waitFor();
    if (result == null) {
      throw new IllegalStateException(
          "case " + String.join(" ", c.toArgs()) + " gave no result (exit " + exit + ")");
    }
    return result;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}

package org.kalamdb.cli.measure;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.kalamdb.cli.ChoiceConverter;
import org.kalamdb.cli.DialectOption;
import org.kalamdb.cli.JsonOutput;
import org.kalamdb.config.CheckOptions;
import org.kalamdb.config.ConfigFileException;
import org.kalamdb.config.ConfigValidator;
import org.kalamdb.config.Diagnostic;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.config.ValidationResult;
import org.kalamdb.report.OutputFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kalamdb measure}: runs real stores, one fresh JVM per profile and column-family count, and
 * reports RocksDB's accounted peak by component, RSS growth, write speed, SST files and time. This
 * is the measurement the seed's "Expected Impact" table never had.
 */
@Command(
    name = "measure",
    mixinStandardHelpOptions = true,
    header = "Measures real stores per profile and column-family count.",
    versionProvider = org.kalamdb.cli.KalamVersion.class,
    description = {
      "For each profile and column-family count, starts a JVM with a fixed heap that opens a real"
          + " store in a temporary directory, writes --mb-per-cf MB of random values to every"
          + " column family (round-robin, so every memtable fills at once; keys in --key-order),"
          + " reads every value back and checks it, and reports the peak memory RocksDB accounts"
          + " by component, the RSS growth (where the OS gives RSS), write and read-back MB/s, SST"
          + " files and time. Progress goes to stderr; the temporary directories are deleted."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every run completed",
      "1:a run failed (its row says why), --config FILE has errors, or --plot FILE cannot be"
          + " written",
      "2:usage error"
    })
public final class MeasureCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--profiles",
      paramLabel = "PROFILE",
      split = ",",
      converter = ProfileConverter.class,
      description =
          "Any of defaults (RocksDB defaults), seed (8 MB x 2 + shared 32 MB), config (--config"
              + " FILE), equal (no cap; each column family's 2 write buffers sized so that all of"
              + " them hold the --config file's memtable limit, same cache: the cap's memory in"
              + " the seed's shape). Default: defaults,seed, plus config when --config is given.")
  List<Profile> profiles;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "config.toml whose [rocksdb] section (or server.toml whose [storage.rocksdb]) is the"
              + " config profile.")
  Path config;

  @Mixin DialectOption dialect;

  @Option(
      names = "--column-families",
      paramLabel = "N",
      split = ",",
      description = "Column-family counts (default: 6,17,57,200).")
  List<Integer> columnFamilies;

  @Option(
      names = "--mb-per-cf",
      paramLabel = "MB",
      defaultValue = "4",
      description = "MB of values written to every column family (default: ${DEFAULT-VALUE}).")
  int mbPerCf;

  @Option(
      names = "--value-bytes",
      paramLabel = "BYTES",
      defaultValue = "1024",
      description = "Size of each random value (default: ${DEFAULT-VALUE}).")
  int valueBytes;

  @Option(
      names = "--key-order",
      paramLabel = "ORDER",
      defaultValue = "sequential",
      converter = KeyOrderConverter.class,
      description =
          "sequential (each key greater than the last, as logs and auto-increment ids: the most"
              + " SST files) or random (scrambled, as UUID primary keys: files overlap and are"
              + " compacted). Default: ${DEFAULT-VALUE}, the worst case for SST files and table"
              + " readers, and the order of earlier figures.")
  KeyOrder keyOrder;

  @Option(
      names = "--heap-mb",
      paramLabel = "MB",
      defaultValue = "64",
      description = "Fixed heap (-Xms = -Xmx) of each worker JVM (default: ${DEFAULT-VALUE}).")
  int heapMb;

  @Option(
      names = "--timeout-minutes",
      paramLabel = "MIN",
      defaultValue = "20",
      description = "A run that takes longer fails (default: ${DEFAULT-VALUE}).")
  int timeoutMinutes;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description = "Where the temporary stores go (default: the system temp directory).")
  Path workDir;

  @Option(
      names = "--allocator",
      paramLabel = "ALLOCATOR",
      split = ",",
      converter = AllocatorConverter.class,
      description =
          "Run the workers on each of: current (this environment as it is), glibc (glibc's malloc,"
              + " defaults), glibc-arenas-2 (MALLOC_ARENA_MAX=2), jemalloc (preloaded, defaults),"
              + " jemalloc-tuned (preloaded, MALLOC_CONF="
              + AllocatorSetup.TUNED_MALLOC_CONF
              + "). jemalloc needs Linux and libjemalloc2 (or --jemalloc-lib). Default: current.")
  List<AllocatorSetup> allocators;

  @Option(
      names = "--jemalloc-lib",
      paramLabel = "FILE",
      description =
          "jemalloc's shared library to preload (default: the first of the usual places, e.g."
              + " /usr/lib/x86_64-linux-gnu/libjemalloc.so.2).")
  Path jemallocLib;

  @Option(names = "--json", description = "Print one JSON document instead of the table.")
  boolean json;

  @Option(
      names = "--plot",
      paramLabel = "FILE.svg",
      description =
          "Also draw the accounted peak (and RSS growth, where measured) against column families,"
              + " one line per profile, into FILE.svg (replaced whole; not a directory or pipe).")
  Path plot;

  static final List<Integer> DEFAULT_COLUMN_FAMILIES = List.of(6, 17, 57, 200);

  @Override
  public Integer call() throws IOException, InterruptedException {
    List<Profile> chosen = chosenProfiles();
    List<Integer> counts = columnFamilies == null ? DEFAULT_COLUMN_FAMILIES : columnFamilies;
    requirePositive(counts);
    RocksDbConfig configured = null;
    if (config != null) {
      CheckOptions options =
          CheckOptions.none().withDialectColumnFamilies().withDialect(dialect.dialect());
      ValidationResult result = new ConfigValidator(options).validate(config);
      if (result.hasErrors()) {
        PrintWriter err = spec.commandLine().getErr();
        result.diagnostics().stream().map(Diagnostic::format).forEach(err::println);
        err.println(config + ": not valid; nothing measured");
        return 1;
      }
      configured = result.config();
    }
    if (plot != null && !plotWritable()) {
      return 1; // before minutes of measuring, not after
    }
    if (chosen.contains(Profile.EQUAL) && !EqualMemory.applies(configured)) {
      throw usage(
          "profile equal shares out the --config file's memtable limit, and "
              + config
              + " sets none (memtable_limit_mb = 0)");
    }
    List<AllocatorSetup> setups = allocators == null ? List.of(AllocatorSetup.CURRENT) : allocators;
    Path jemalloc = jemallocFor(setups);
    List<WorkerResult> results = runAll(chosen, counts, setups, jemalloc, configured);
    PrintWriter out = spec.commandLine().getOut();
    MeasureReport report =
        new MeasureReport(
            MeasureReport.Machine.current(), heapMb, mbPerCf, valueBytes, keyOrder.id(), results);
    if (json) {
      JsonOutput.print(out, report);
    } else {
      report.print(out);
    }
    if (plot != null && !writePlot(report)) {
      return 1;
    }
    return results.stream().allMatch(WorkerResult::ok) ? 0 : 1;
  }

  /** Whether the plot can be written: a regular file or none, in a writable place, not --config. */
  private boolean plotWritable() {
    if (config != null && OutputFile.sameFile(plot, config)) {
      spec.commandLine()
          .getErr()
          .println(
              plot
                  + ": error: cannot write file: it is the --config file read; name another"
                  + " --plot file");
      return false;
    }
    try {
      OutputFile.checkWritable(plot);
      return true;
    } catch (IOException e) {
      plotError(e);
      return false;
    }
  }

  private boolean writePlot(MeasureReport report) {
    try {
      OutputFile.write(plot, MeasurePlot.svg(report));
      // On stderr with the progress: stdout stays the table or the JSON.
      spec.commandLine().getErr().println("plot: " + plot);
      return true;
    } catch (IOException e) {
      plotError(e);
      return false;
    }
  }

  /** One line, as {@code generate -o} reports a file it cannot write. */
  private void plotError(IOException e) {
    spec.commandLine()
        .getErr()
        .println(plot + ": error: cannot write file: " + ConfigFileException.reason(e));
  }

  /** The jemalloc library to preload, {@code null} when no setup preloads it. */
  private Path jemallocFor(List<AllocatorSetup> setups) {
    if (setups.stream().noneMatch(AllocatorSetup::preloadsJemalloc)) {
      return null;
    }
    if (!Files.isReadable(Path.of("/proc/self/maps"))) {
      throw usage("--allocator jemalloc preloads it with LD_PRELOAD, which needs Linux");
    }
    if (jemallocLib != null) {
      if (!Files.isRegularFile(jemallocLib)) {
        throw usage("--jemalloc-lib " + jemallocLib + ": no such file");
      }
      return jemallocLib.toAbsolutePath();
    }
    return JemallocLibrary.find()
        .orElseThrow(
            () ->
                usage(
                    "--allocator jemalloc: no libjemalloc.so.2 in "
                        + JemallocLibrary.KNOWN_PLACES
                        + "; install it (Debian: apt-get install libjemalloc2) or name it with"
                        + " --jemalloc-lib FILE"));
  }

  private List<WorkerResult> runAll(
      List<Profile> chosen,
      List<Integer> counts,
      List<AllocatorSetup> setups,
      Path jemalloc,
      RocksDbConfig configured)
      throws IOException, InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    ChildJvm jvm = new ChildJvm(heapMb, Duration.ofMinutes(timeoutMinutes));
    Path root;
    try {
      root =
          workDir == null
              ? Files.createTempDirectory("kalamdb-measure-")
              : Files.createTempDirectory(Files.createDirectories(workDir), "kalamdb-measure-");
    } catch (IOException e) {
      if (workDir == null) {
        throw e;
      }
      // The JDK's message is the path alone; the reason is what tells the user what to change.
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--work-dir "
              + workDir
              + ": cannot create a directory there: "
              + (e instanceof FileSystemException fs
                      && fs.getFile() != null
                      && !fs.getFile().equals(workDir.toString())
                  ? fs.getFile() + ": "
                  : "")
              + ConfigFileException.reason(e));
    }
    List<WorkerResult> results = new ArrayList<>();
    int total = setups.size() * chosen.size() * counts.size();
    int done = 0;
    // Ctrl-C skips the finally below: the hook still ends the worker and deletes the stores.
    Thread cleanup = new Thread(() -> abandon(jvm, root), "kalamdb-measure-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      for (AllocatorSetup setup : setups) {
        for (Profile profile : chosen) {
          for (int count : counts) {
            done++;
            err.printf(
                Locale.ROOT,
                "[%d/%d] %s, %d CFs%s ...%n",
                done,
                total,
                profile.label(),
                count,
                setup == AllocatorSetup.CURRENT ? "" : ", " + setup.id());
            err.flush();
            Path scratch = Files.createDirectory(root.resolve("run-" + done));
            Path store = Files.createDirectory(scratch.resolve("store"));
            RocksDbConfig runConfig =
                switch (profile) {
                  case CONFIG -> configured;
                  case EQUAL -> EqualMemory.of(configured, count);
                  case DEFAULTS, SEED -> RocksDbConfig.defaults();
                };
            WorkerRequest request =
                WorkerRequest.of(
                    profile, store.toString(), count, mbPerCf, valueBytes, keyOrder, runConfig);
            try {
              results.add(jvm.run(request, scratch, setup, jemalloc));
            } finally {
              deleteTree(scratch); // disk stays small even with 200 CFs x several MB
            }
          }
        }
      }
    } finally {
      removeHook(cleanup);
      deleteTree(root);
    }
    return results;
  }

  private static void abandon(ChildJvm jvm, Path root) {
    jvm.killRunning();
    try {
      deleteTree(root);
    } catch (IOException | UncheckedIOException e) {
      // Exiting anyway; the directory is in the temp dir and named kalamdb-measure-*.
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to; it does the same cleanup.
    }
  }

  private List<Profile> chosenProfiles() {
    LinkedHashSet<Profile> chosen = new LinkedHashSet<>();
    if (profiles == null) {
      chosen.add(Profile.DEFAULTS);
      chosen.add(Profile.SEED);
      if (config != null) {
        chosen.add(Profile.CONFIG);
      }
    } else {
      chosen.addAll(profiles);
    }
    for (Profile needsConfig : List.of(Profile.CONFIG, Profile.EQUAL)) {
      if (chosen.contains(needsConfig) && config == null) {
        throw usage("profile " + needsConfig.id() + " needs --config FILE");
      }
    }
    return List.copyOf(chosen);
  }

  private void requirePositive(List<Integer> counts) {
    for (int count : counts) {
      if (count < 1) {
        throw usage("--column-families must be >= 1, got " + count);
      }
    }
    if (mbPerCf < 1) {
      throw usage("--mb-per-cf must be >= 1, got " + mbPerCf);
    }
    if (valueBytes < 1) {
      throw usage("--value-bytes must be >= 1, got " + valueBytes);
    }
    if (heapMb < 16) {
      throw usage("--heap-mb must be >= 16, got " + heapMb);
    }
    if (timeoutMinutes < 1) {
      throw usage("--timeout-minutes must be >= 1, got " + timeoutMinutes);
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  /** {@code --profiles}: {@code defaults}, {@code seed}, {@code config}, {@code equal}. */
  static final class ProfileConverter extends ChoiceConverter<Profile> {
    ProfileConverter() {
      super("profile", List.of(Profile.values()), Profile::id);
    }
  }

  /** {@code --allocator}: {@code current}, {@code glibc}, {@code jemalloc}, ..., in any case. */
  static final class AllocatorConverter extends ChoiceConverter<AllocatorSetup> {
    AllocatorConverter() {
      super("allocator", List.of(AllocatorSetup.values()), AllocatorSetup::id);
    }
  }

  /** {@code --key-order}: {@code sequential} or {@code random}, in any case. */
  static final class KeyOrderConverter extends ChoiceConverter<KeyOrder> {
    KeyOrderConverter() {
      super("key order", List.of(KeyOrder.values()), KeyOrder::id);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

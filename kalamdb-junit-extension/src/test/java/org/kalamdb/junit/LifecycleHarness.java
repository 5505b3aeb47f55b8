package org.kalamdb.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.kalamdb.store.KalamStore;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Env;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksMemEnv;

/**
 * The per-test cost of a store's lifecycle (open, one put and get, budget check, close, delete),
 * {@code @KalamStoreTest} against the same test written by hand, on disk (anchor: {@code @TempDir}
 * + {@code RocksDB.open}) and in memory (anchor: {@code RocksMemEnv} + {@code RocksDB.open}), at 1,
 * 6 and 57 column families. Each test runs as a real JUnit test class through the JUnit Platform's
 * launcher, one engine run per test; a test's time is from its started to its finished event, which
 * covers {@code @TempDir} and the extension's work before and after the method (not what the
 * extension does once per run, such as writing the memory report). Wall time is printed with the
 * CPU time of the test's thread and of the JVM's other threads in that window: CPU time hardly
 * moves with other processes' load, so it tells work from waiting. The variants take turns in every
 * repetition, in a shuffled order, so they share the machine's noise; the table gives medians. Not
 * a test: run it with the command in docs/measurements.md ("Lifecycle speed"). Argument:
 * repetitions (default 180), after 20 warm-up rounds.
 */
public final class LifecycleHarness {

  private static final byte[] KEY = "k".getBytes(StandardCharsets.UTF_8);
  private static final byte[] VALUE = "v".getBytes(StandardCharsets.UTF_8);
  private static final int[] COLUMN_FAMILIES = {1, 6, 57};
  private static final List<Class<?>> VARIANTS =
      List.of(
          HandWritten.class,
          ExtensionOnDisk.class,
          ExtensionInMemory.class,
          HandWrittenInMemory.class);
  private static final List<String> LABELS =
      List.of(
          "(a) hand-written @TempDir + RocksDB.open (seed options)",
          "(b) @KalamStoreTest store, disk",
          "(c) @KalamStoreTest(storage = \"memory\") store",
          "(d) hand-written RocksMemEnv + RocksDB.open (seed options)");

  /** The ratios printed: each extension variant against its hand-written anchor. */
  private static final int[][] RATIOS = {{1, 0}, {2, 3}};

  private LifecycleHarness() {}

  /** The hand-written test: {@code @TempDir} and RocksDB opened with the seed report's options. */
  @Fixture
  public static class HandWritten {
    @TempDir Path dir;

    @Test
    void cf1() throws Exception {
      lifecycle(dir.toString(), null, 1);
    }

    @Test
    void cf6() throws Exception {
      lifecycle(dir.toString(), null, 6);
    }

    @Test
    void cf57() throws Exception {
      lifecycle(dir.toString(), null, 57);
    }

    /**
     * Seed options: 8 MB x 2 write buffers per column family, one 32 MB LRU cache; in {@code env}
     * when it is not null. Frees every native handle it made, the database's before its options.
     */
    static void lifecycle(String path, Env env, int columnFamilies) throws Exception {
      RocksDB.loadLibrary();
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      try (LRUCache cache = new LRUCache(32L << 20);
          DBOptions options =
              new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)) {
        if (env != null) {
          options.setEnv(env);
        }
        BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(cache);
        List<ColumnFamilyOptions> cfOptions = new ArrayList<>();
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (String name : names(columnFamilies)) {
          ColumnFamilyOptions cf =
              new ColumnFamilyOptions()
                  .setWriteBufferSize(8L << 20)
                  .setMaxWriteBufferNumber(2)
                  .setTableFormatConfig(table);
          cfOptions.add(cf);
          descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), cf));
        }
        try (RocksDB db = RocksDB.open(options, path, descriptors, handles)) {
          db.put(handles.get(0), KEY, VALUE);
          if (db.get(handles.get(0), KEY) == null) {
            throw new AssertionError("lost the value");
          }
          // The check a careful hand-written test makes: RocksDB's figures against a budget.
          long used =
              db.getAggregatedLongProperty("rocksdb.size-all-mem-tables")
                  + cache.getUsage()
                  + db.getAggregatedLongProperty("rocksdb.estimate-table-readers-mem");
          if (used > (64L << 20) + columnFamilies * (16L << 20)) {
            throw new AssertionError("over budget: " + used);
          }
          handles.forEach(ColumnFamilyHandle::close);
        } finally {
          cfOptions.forEach(ColumnFamilyOptions::close);
        }
      }
    }

    private static List<String> names(int count) {
      List<String> names = new ArrayList<>(List.of("default"));
      for (int i = 1; i < count; i++) {
        names.add("t" + i);
      }
      return names;
    }
  }

  /**
   * The hand-written test in memory: a {@link RocksMemEnv} of its own (as a memory store has), the
   * same options and work as {@link HandWritten}, the environment freed after the database.
   */
  @Fixture
  public static class HandWrittenInMemory {
    @Test
    void cf1() throws Exception {
      inMemory(1);
    }

    @Test
    void cf6() throws Exception {
      inMemory(6);
    }

    @Test
    void cf57() throws Exception {
      inMemory(57);
    }

    private static void inMemory(int columnFamilies) throws Exception {
      RocksDB.loadLibrary();
      try (Env env = new RocksMemEnv(Env.getDefault())) {
        HandWritten.lifecycle("/lifecycle", env, columnFamilies);
      }
    }
  }

  private static void putGet(KalamStore store) {
    store.put("default", KEY, VALUE);
    if (store.get("default", KEY) == null) {
      throw new AssertionError("lost the value");
    }
  }

  /** The same work with an extension store on disk; the extension checks, closes and deletes. */
  @Fixture
  @KalamStoreTest
  public static class ExtensionOnDisk {
    @Test
    void cf1(KalamStore store) {
      putGet(store);
    }

    @Test
    void cf6(@TempStore(columnFamilies = {"t1", "t2", "t3", "t4", "t5"}) KalamStore store) {
      putGet(store);
    }

    @Test
    void cf57(
        @TempStore(
                columnFamilies = {
                  "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12", "t13",
                  "t14", "t15", "t16", "t17", "t18", "t19", "t20", "t21", "t22", "t23", "t24",
                  "t25", "t26", "t27", "t28", "t29", "t30", "t31", "t32", "t33", "t34", "t35",
                  "t36", "t37", "t38", "t39", "t40", "t41", "t42", "t43", "t44", "t45", "t46",
                  "t47", "t48", "t49", "t50", "t51", "t52", "t53", "t54", "t55", "t56"
                })
            KalamStore store) {
      putGet(store);
    }
  }

  /** The same class in memory. */
  @Fixture
  @KalamStoreTest(storage = "memory")
  public static class ExtensionInMemory extends ExtensionOnDisk {}

  /** Runs the comparison and prints the table and the ratios. */
  public static void main(String[] args) throws Exception {
    int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 180;
    Path base = Files.createTempDirectory("kalamdb-lifecycle-");
    String loadAtStart = loadAverage();
    Random shuffle = new Random(15);
    Map<String, List<Long>> wall = new LinkedHashMap<>();
    Map<String, List<Long>> threadCpu = new LinkedHashMap<>();
    Map<String, List<Long>> otherCpu = new LinkedHashMap<>();
    Launcher launcher = LauncherFactory.create();
    for (int round = -20; round < repetitions; round++) {
      for (int cf : COLUMN_FAMILIES) {
        // A fresh order every round (seeded, so runs repeat): no variant always runs right after
        // the same other one, whose cleanup and report writing may still load the machine.
        List<Integer> order = new ArrayList<>();
        for (int v = 0; v < VARIANTS.size(); v++) {
          order.add(v);
        }
        Collections.shuffle(order, shuffle);
        for (int variant : order) {
          Timing timing = run(launcher, VARIANTS.get(variant), "cf" + cf, base);
          if (round >= 0) {
            String key = variant + "/" + cf;
            wall.computeIfAbsent(key, k -> new ArrayList<>()).add(timing.wallNanos());
            threadCpu.computeIfAbsent(key, k -> new ArrayList<>()).add(timing.threadCpuNanos());
            otherCpu.computeIfAbsent(key, k -> new ArrayList<>()).add(timing.otherCpuNanos());
          }
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "per test: open, one put/get, check, close, delete; median of %d"
            + " (load average %s at the start, %s at the end)%n",
        repetitions,
        loadAtStart,
        loadAverage());
    print("wall time", wall, true);
    print("CPU time of the test's thread", threadCpu, true);
    // Mostly zero for a hand-written test: differences only.
    print("CPU time of the other JVM threads", otherCpu, false);
    // Every store and @TempDir was deleted by its own cleanup: the base is empty by now.
    Files.delete(base);
  }

  /**
   * One test's window, from its started to its finished event: wall time, CPU time of the thread
   * that ran it, and CPU time of the JVM's other threads (JIT, GC, the extension's background
   * threads; not RocksDB's native ones).
   */
  record Timing(long wallNanos, long threadCpuNanos, long otherCpuNanos) {}

  /** Records the window of the one test of a run; JUnit calls both events on the test's thread. */
  private static final class Window implements TestExecutionListener {
    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private long wall;
    private long threadCpu;
    private Map<Long, Long> otherCpu;
    private Timing timing;
    private TestExecutionResult result;

    @Override
    public void executionStarted(TestIdentifier test) {
      if (test.isTest()) {
        otherCpu = otherThreadsCpu();
        threadCpu = threads.getCurrentThreadCpuTime();
        wall = System.nanoTime();
      }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult outcome) {
      if (test.isTest()) {
        long wallNanos = System.nanoTime() - wall;
        long threadCpuNanos = threads.getCurrentThreadCpuTime() - threadCpu;
        long others = 0;
        for (Map.Entry<Long, Long> now : otherThreadsCpu().entrySet()) {
          others += now.getValue() - otherCpu.getOrDefault(now.getKey(), 0L);
        }
        timing = new Timing(wallNanos, threadCpuNanos, others);
        result = outcome;
      }
    }

    /** CPU time by thread id of every live thread but the current one. */
    private Map<Long, Long> otherThreadsCpu() {
      long[] ids = threads.getAllThreadIds();
      long[] cpu = threads.getThreadCpuTime(ids);
      long self = Thread.currentThread().getId();
      Map<Long, Long> byId = new LinkedHashMap<>();
      for (int i = 0; i < ids.length; i++) {
        if (ids[i] != self && cpu[i] >= 0) {
          byId.put(ids[i], cpu[i]);
        }
      }
      return byId;
    }
  }

  private static Timing run(Launcher launcher, Class<?> type, String method, Path base) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(
                selectMethod(
                    type,
                    method,
                    type == HandWritten.class || type == HandWrittenInMemory.class
                        ? ""
                        : KalamStore.class.getName()))
            .filters(EngineFilter.includeEngines("junit-jupiter"))
            .configurationParameter(FixtureRunCondition.PARAMETER, "true")
            .configurationParameter("kalamdb.store.base-dir", base.toString())
            .configurationParameter("junit.jupiter.tempdir.parent", base.toString())
            .configurationParameter("kalamdb.store.report-stdout", "false")
            // Read from a file, as a project with its own config.toml does.
            .configurationParameter("kalamdb.store.config", "classpath:lifecycle-seed.toml")
            .build();
    Window window = new Window();
    launcher.execute(request, window);
    if (window.result == null
        || window.result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
      throw new IllegalStateException(
          type.getSimpleName() + "." + method + " did not pass: " + window.result);
    }
    return window.timing;
  }

  /** The 1, 5 and 15 minute load averages, where the system gives them. */
  private static String loadAverage() throws Exception {
    Path loadavg = Path.of("/proc/loadavg");
    if (!Files.exists(loadavg)) {
      return "unknown";
    }
    String[] fields = Files.readString(loadavg).strip().split(" ");
    return fields[0] + " " + fields[1] + " " + fields[2];
  }

  private static void print(String what, Map<String, List<Long>> nanos, boolean ratios) {
    System.out.println();
    System.out.println("| " + what + " | 1 CF | 6 CFs | 57 CFs |");
    System.out.println("|---|---|---|---|");
    double[][] medians = new double[VARIANTS.size()][COLUMN_FAMILIES.length];
    for (int v = 0; v < VARIANTS.size(); v++) {
      StringBuilder row = new StringBuilder("| " + LABELS.get(v) + " |");
      for (int c = 0; c < COLUMN_FAMILIES.length; c++) {
        medians[v][c] = median(nanos.get(v + "/" + COLUMN_FAMILIES[c])) / 1e6;
        row.append(String.format(Locale.ROOT, " %.2f ms |", medians[v][c]));
      }
      System.out.println(row);
    }
    for (int[] pair : RATIOS) {
      String name = "(" + (char) ('a' + pair[0]) + ")/(" + (char) ('a' + pair[1]) + ")";
      String minus = "(" + (char) ('a' + pair[0]) + ") - (" + (char) ('a' + pair[1]) + ")";
      StringBuilder row = new StringBuilder("| " + name + ", of the medians |");
      StringBuilder paired = new StringBuilder("| " + name + ", median of each round's ratio |");
      StringBuilder extra = new StringBuilder("| " + minus + ", median of each round's |");
      for (int c = 0; c < COLUMN_FAMILIES.length; c++) {
        row.append(
            String.format(Locale.ROOT, " %.2f |", medians[pair[0]][c] / medians[pair[1]][c]));
        extra.append(
            String.format(
                Locale.ROOT,
                " %.2f ms |",
                medianDifference(
                        nanos.get(pair[0] + "/" + COLUMN_FAMILIES[c]),
                        nanos.get(pair[1] + "/" + COLUMN_FAMILIES[c]))
                    / 1e6));
        paired.append(
            String.format(
                Locale.ROOT,
                " %.2f |",
                medianRatio(
                    nanos.get(pair[0] + "/" + COLUMN_FAMILIES[c]),
                    nanos.get(pair[1] + "/" + COLUMN_FAMILIES[c]))));
      }
      if (ratios) {
        System.out.println(row);
        System.out.println(paired);
      }
      System.out.println(extra);
    }
  }

  /** The median of the differences of the same round, in nanoseconds. */
  private static double medianDifference(List<Long> variant, List<Long> anchor) {
    List<Long> differences = new ArrayList<>();
    for (int i = 0; i < variant.size(); i++) {
      differences.add(variant.get(i) - anchor.get(i));
    }
    return median(differences);
  }

  /**
   * The median of the ratios of the same round: the load of other processes drifts over a run, and
   * a round's variants ran within milliseconds of each other.
   */
  private static double medianRatio(List<Long> variant, List<Long> anchor) {
    double[] ratios = new double[variant.size()];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = variant.get(i) / (double) anchor.get(i);
    }
    java.util.Arrays.sort(ratios);
    int mid = ratios.length / 2;
    return ratios.length % 2 == 1 ? ratios[mid] : (ratios[mid - 1] + ratios[mid]) / 2;
  }

  private static double median(List<Long> values) {
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
  }
}

package org.kalamdb.cli.measure;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.kalamdb.cli.TextTable;

/**
 * What {@code kalamdb measure} reports: the machine, the workload and one result per run.
 *
 * @param machine where it ran
 * @param heapMb the fixed heap of each worker
 * @param mbPerColumnFamily MB written to each column family
 * @param valueBytes size of each value
 * @param keyOrder the {@link KeyOrder#id()} of the keys written
 * @param results one per profile and column-family count, in run order
 */
record MeasureReport(
    Machine machine,
    int heapMb,
    int mbPerColumnFamily,
    int valueBytes,
    String keyOrder,
    List<WorkerResult> results) {

  /**
   * The machine and Java of the run.
   *
   * @param os name and version
   * @param arch CPU architecture
   * @param cpus available processors
   * @param java Java runtime version
   */
  record Machine(String os, String arch, int cpus, String java) {
    static Machine current() {
      return new Machine(
          System.getProperty("os.name") + " " + System.getProperty("os.version"),
          System.getProperty("os.arch"),
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.vm.name") + " " + Runtime.version());
    }
  }

  void print(PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%d MB of random %d-byte values per column family, %s keys, worker heap %d MB; %s, %s,"
            + " %d CPUs, %s%n%s%n",
        mbPerColumnFamily,
        valueBytes,
        keyOrder,
        heapMb,
        machine.os(),
        machine.arch(),
        machine.cpus(),
        machine.java(),
        allocatorLine());
    TextTable table =
        new TextTable(
            "Profile",
            "CFs",
            "accounted peak",
            "memtables",
            "block cache",
            "table readers",
            "RSS growth",
            "write MB/s",
            "read MB/s",
            "SST files",
            "time");
    for (WorkerResult r : results) {
      String label = runLabel(r);
      if (!r.ok()) {
        table.row(
            label,
            String.valueOf(r.columnFamilies()),
            "failed: " + r.error(),
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "");
        continue;
      }
      table.row(
          label,
          String.valueOf(r.columnFamilies()),
          mb(r.peakTotalBytes()),
          mb(r.peakMemTableBytes()),
          mb(r.peakBlockCacheBytes()),
          mb(r.peakTableReadersBytes()),
          r.rssGrowthBytes() == null ? "unavailable" : mb(r.rssGrowthBytes()),
          String.format(Locale.ROOT, "%.1f", r.writeMbPerSecond()),
          String.format(Locale.ROOT, "%.1f", r.readMbPerSecond()),
          String.valueOf(r.sstFiles()),
          String.format(Locale.ROOT, "%.1f s", r.elapsedMillis() / 1000.0));
    }
    table.print(out);
    out.println();
    out.println(
        "accounted peak: the store's peak of RocksDB's own figures (all memtables + block cache"
            + " counted once + table readers), sampled after every MB written and every 100 ms;");
    out.println(
        "RSS growth: highest VmRSS minus VmRSS before RocksDB's library loaded (unavailable where"
            + " the OS has no /proc).");
    printRssParts(out);
    out.flush();
  }

  /** The allocator of every run, when all ran on one; otherwise a pointer to the RSS table. */
  private String allocatorLine() {
    List<String> allocators =
        results.stream().map(WorkerResult::allocator).filter(a -> a != null).distinct().toList();
    if (allocators.size() == 1) {
      return "allocator: " + allocators.get(0) + "\n";
    }
    return allocators.isEmpty() ? "" : "allocators: per run, in the RSS table below\n";
  }

  /** Where each run's RSS growth went, for the runs that could tell. */
  private void printRssParts(PrintWriter out) {
    List<WorkerResult> measured = results.stream().filter(r -> r.rss() != null).toList();
    if (measured.isEmpty()) {
      return;
    }
    out.println();
    out.println("Where the RSS growth went (at the highest RSS sample):");
    TextTable table =
        new TextTable(
            "Profile",
            "CFs",
            "allocator",
            "RSS growth",
            "= librocksdbjni",
            "+ JVM",
            "+ accounted",
            "+ unaccounted at open",
            "+ rest",
            "growth / accounted peak",
            "kept after close");
    for (WorkerResult r : measured) {
      RssParts parts = r.rss();
      table.row(
          Profile.labelOf(r.profile()),
          String.valueOf(r.columnFamilies()),
          r.allocator(),
          mb(parts.growthBytes()),
          mb(parts.libraryBytes()),
          mb(parts.jvmBytes()),
          mb(parts.accountedBytes()),
          mb(parts.unaccountedAtOpenBytes()),
          mb(parts.restBytes()),
          r.peakTotalBytes() > 0
              ? String.format(
                  Locale.ROOT, "%.2fx", parts.growthBytes() / (double) r.peakTotalBytes())
              : "",
          mb(parts.keptAfterCloseBytes()));
    }
    table.print(out);
    out.println();
    out.println(
        "librocksdbjni: loading the native library; JVM: the JVM's own committed memory (Native"
            + " Memory Tracking); accounted: RocksDB's figures at that sample;");
    out.println(
        "unaccounted at open: what the empty store took beyond its accounting (per column family,"
            + " threads); rest: the allocator's slack and RocksDB's unaccounted growth with data;");
    out.println(
        "kept after close: native memory still resident after the store closed and freed"
            + " everything (the allocator keeping freed pages).");
  }

  /**
   * How tables and plots name a run: its profile, and its allocator setup when runs used several.
   */
  String runLabel(WorkerResult r) {
    boolean several =
        results.stream()
                .map(WorkerResult::allocatorSetup)
                .filter(setup -> setup != null)
                .distinct()
                .limit(2)
                .count()
            > 1;
    return Profile.labelOf(r.profile()) + (several ? " on " + r.allocatorSetup() : "");
  }

  static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }
}

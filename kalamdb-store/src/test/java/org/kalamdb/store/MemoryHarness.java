package org.kalamdb.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.kalamdb.config.RocksDbConfig;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteOptions;

/**
 * Measurements behind the figures in the store's Javadoc and reports; not a test. Run with {@code
 * java -cp <test classpath> org.kalamdb.store.MemoryHarness <mode> [args]}, modes: {@code sampler},
 * {@code cap <families> <mbPerFamily>}, {@code grow <from> <to>}, {@code overhead}, {@code create
 * <families>}.
 */
public final class MemoryHarness {

  private static final RocksDbConfig CAPPED = RocksDbConfig.defaults().withMemtableLimitMb(32);

  private MemoryHarness() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "sampler" -> sampler();
      case "cap" ->
          cap(
              Integer.parseInt(args[1]),
              Integer.parseInt(args[2]),
              args.length > 3 ? Integer.parseInt(args[3]) : 32);
      case "grow" -> grow(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      case "overhead" -> overhead();
      case "create" -> create(Integer.parseInt(args[1]));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static void sampler() throws Exception {
    // Big write buffers and small values: no flush during the timed puts, so only the store's
    // lock and sampling differ between the two paths.
    RocksDbConfig noFlush = RocksDbConfig.defaults().withWriteBufferSizeMb(64);
    for (int count : new int[] {6, 57, 200}) {
      Path dir = Files.createTempDirectory("harness");
      List<String> families = Workload.names("t", count);
      try (KalamStore store = KalamStore.open(dir, noFlush, families, WriteAheadLog.DISABLED)) {
        new Workload(1024, 4096).fill(store, families, 64 << 10);
        for (int i = 0; i < 200; i++) {
          store.memoryUsage();
        }
        int calls = 2000;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
          store.memoryUsage();
        }
        long perCall = (System.nanoTime() - start) / calls;

        RocksDB db = store.db();
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        families.forEach(f -> handles.add(store.columnFamily(f)));
        byte[] value = new byte[100];
        double viaStore = 0;
        double viaDb = 0;
        try (WriteOptions noWal = new WriteOptions().setDisableWAL(true)) {
          long key = 0;
          for (int rep = 0; rep < 3; rep++) {
            int puts = 150_000;
            start = System.nanoTime();
            for (int i = 0; i < puts; i++, key++) {
              store.put(families.get(i % count), Workload.key(key), value);
            }
            viaStore = Math.max(viaStore, puts / ((System.nanoTime() - start) / 1e9));
            start = System.nanoTime();
            for (int i = 0; i < puts; i++, key++) {
              db.put(handles.get(i % count), noWal, Workload.key(key), value);
            }
            viaDb = Math.max(viaDb, puts / ((System.nanoTime() - start) / 1e9));
          }
        }
        System.out.printf(
            "%3d CFs: memoryUsage() %,d ns/call; 100 B puts: %,.0f/s through KalamStore (lock +"
                + " a sample every %d KB written), %,.0f/s through db() directly (best of 3)%n",
            count, perCall, viaStore, PeakSampler.WRITE_BYTES_PER_SAMPLE >> 10, viaDb);
      }
      delete(dir);
    }
  }

  private static void cap(int count, int mbPerFamily, int capMb) throws Exception {
    RocksDbConfig config = RocksDbConfig.defaults().withMemtableLimitMb(capMb);
    Path dir = Files.createTempDirectory("harness");
    List<String> families = Workload.names("t", count);
    long start = System.nanoTime();
    try (KalamStore store = KalamStore.open(dir, config, families, WriteAheadLog.DISABLED)) {
      new Workload(1024, 4096).fill(store, families, (long) mbPerFamily << 20);
      double secs = (System.nanoTime() - start) / 1e9;
      MemoryUsage peak = store.peakMemoryUsage();
      long sstAtEnd = Workload.sstFiles(dir);
      settle(store.db());
      System.out.printf(
          "capped(32+%d) %d CFs x %d MB: %.1f s, peak %s; SST files %d at the end, %d after"
              + " compactions settled (%.1f s)%n",
          capMb,
          count,
          mbPerFamily,
          secs,
          peak.describe(),
          sstAtEnd,
          Workload.sstFiles(dir),
          (System.nanoTime() - start) / 1e9);
    } catch (RuntimeException e) {
      System.out.printf(
          "capped(32+%d) %d CFs x %d MB FAILED after %.1f s with %d SST files: %s%n",
          capMb, count, mbPerFamily, (System.nanoTime() - start) / 1e9, Workload.sstFiles(dir), e);
    }
    delete(dir);
  }

  private static void grow(int from, int to) throws Exception {
    Path dir = Files.createTempDirectory("harness");
    List<String> families = new ArrayList<>(Workload.names("t", from));
    Workload workload = new Workload(1024, 4096);
    long start = System.nanoTime();
    try (KalamStore store = KalamStore.open(dir, CAPPED, families, WriteAheadLog.DISABLED)) {
      long[] written = new long[to];
      boolean more = true;
      for (long round = 0; more || families.size() < to; round++) {
        if (families.size() < to && round % 10 == 0) {
          String name = "t" + families.size();
          store.createColumnFamily(name);
          families.add(name);
        }
        more = false;
        for (int i = 0; i < families.size(); i++) {
          if (written[i] < 4L << 20) {
            byte[] value = workload.value();
            store.put(families.get(i), Workload.key(round), value);
            written[i] += value.length;
            more = true;
          }
        }
      }
      System.out.printf(
          "capped(32+32) grow %d -> %d CFs x 4 MB: %.1f s, peak %s, %d SST files%n",
          from,
          to,
          (System.nanoTime() - start) / 1e9,
          store.peakMemoryUsage().describe(),
          Workload.sstFiles(dir));
    }
    delete(dir);
  }

  /**
   * Times every createColumnFamily of a capped store growing from 1 to {@code to} column families
   * while another thread reads it without pause, and reports the slowest read. An uncapped store
   * (same config, no memtable limit) grows in lockstep, one create each in turn so both see the
   * same machine load: its creates are what RocksDB itself costs (it rewrites the OPTIONS file,
   * which lists every family, on each one), so the ratio is what the cap adds.
   */
  private static void create(int to) throws Exception {
    Path cappedDir = Files.createTempDirectory("harness");
    Path plainDir = Files.createTempDirectory("harness");
    try (KalamStore store = KalamStore.open(cappedDir, CAPPED, List.of(), WriteAheadLog.DISABLED);
        KalamStore plain =
            KalamStore.open(
                plainDir, CAPPED.withMemtableLimitMb(0), List.of(), WriteAheadLog.DISABLED)) {
      byte[] key = Workload.key(0);
      store.put("default", key, new byte[100]);
      AtomicBoolean done = new AtomicBoolean();
      long[] slowestGet = new long[2]; // nanoseconds, count
      Thread reader =
          new Thread(
              () -> {
                while (!done.get()) {
                  long start = System.nanoTime();
                  store.get("default", key);
                  slowestGet[0] = Math.max(slowestGet[0], System.nanoTime() - start);
                  slowestGet[1]++;
                }
              });
      reader.start();
      long[] nanos = new long[to + 1];
      long[] plainNanos = new long[to + 1];
      long total = 0;
      int slowestAt = 0;
      for (int count = 2; count <= to; count++) {
        long start = System.nanoTime();
        plain.createColumnFamily("t" + count);
        plainNanos[count] = System.nanoTime() - start;
        start = System.nanoTime();
        store.createColumnFamily("t" + count);
        nanos[count] = System.nanoTime() - start;
        total += nanos[count];
        slowestAt = nanos[count] > nanos[slowestAt] ? count : slowestAt;
      }
      done.set(true);
      reader.join();
      StringBuilder means = new StringBuilder();
      for (int at = 50; at <= to; at = at < 100 ? at + 50 : at * 2) {
        long sum = 0;
        long plainSum = 0;
        int n = 0;
        for (int count = Math.max(2, at - 9); count <= at; count++, n++) {
          sum += nanos[count];
          plainSum += plainNanos[count];
        }
        means.append(
            String.format(
                "%n  at %3d CFs: capped %.1f ms, uncapped %.1f ms, ratio %.2f",
                at, sum / 1e6 / n, plainSum / 1e6 / n, sum / (double) plainSum));
      }
      System.out.printf(
          "capped(32+32) create 1 -> %d CFs: total %.1f s, slowest create %.1f ms (to %d CFs);"
              + " %,d gets meanwhile, slowest %.1f ms; mean of the 10 creates up to:%s%n",
          to,
          total / 1e9,
          nanos[slowestAt] / 1e6,
          slowestAt,
          slowestGet[1],
          slowestGet[0] / 1e6,
          means);
    }
    delete(cappedDir);
    delete(plainDir);
  }

  private static void overhead() throws Exception {
    long base = 0;
    for (int count : new int[] {1, 57, 200, 500, 1}) {
      Path dir = Files.createTempDirectory("harness");
      long rssBefore = rssBytes();
      try (KalamStore store =
          KalamStore.open(dir, CAPPED, Workload.names("t", count), WriteAheadLog.DISABLED)) {
        MemoryUsage empty = store.memoryUsage();
        long rssEmpty = rssBytes();
        for (String family : Workload.names("t", count)) {
          store.put(family, Workload.key(0), new byte[100]);
        }
        MemoryUsage oneRow = store.memoryUsage();
        if (count == 1) {
          base = empty.total();
        }
        System.out.printf(
            "capped(32+32) %3d CFs: empty: accounted %,d bytes (%,d bytes/CF over 1 CF), RSS"
                + " +%,d bytes at open (%,d bytes/CF); one 100 B row per CF: accounted %,d bytes"
                + " (%,d bytes/CF)%n",
            count,
            empty.total(),
            count == 1 ? 0 : (empty.total() - base) / (count - 1),
            rssEmpty - rssBefore,
            (rssEmpty - rssBefore) / count,
            oneRow.total(),
            oneRow.total() / count);
      }
      delete(dir);
    }
  }

  /** Resident set size on Linux, or -1 where /proc is not there. */
  private static long rssBytes() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) << 10;
      }
    }
    return -1;
  }

  private static void settle(RocksDB db) throws Exception {
    for (int i = 0; i < 600; i++) {
      if (db.getAggregatedLongProperty("rocksdb.num-running-compactions") == 0
          && db.getAggregatedLongProperty("rocksdb.compaction-pending") == 0
          && db.getAggregatedLongProperty("rocksdb.num-running-flushes") == 0) {
        return;
      }
      Thread.sleep(100);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

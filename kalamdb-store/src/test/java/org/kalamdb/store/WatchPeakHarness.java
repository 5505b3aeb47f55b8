package org.kalamdb.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kalamdb.config.RocksDbConfig;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * What a {@link DatabaseWatch} sees of a database its owner fills and closes without calling {@link
 * DatabaseWatch#sampleNow()}: the watch's peak against the highest memory the owner itself read
 * between its writes. Run against two builds of the store classes to compare sampling designs
 * (docs/own-rocksdb.md, "Your own RocksDB", on what a watch's samples see); not a test.
 *
 * <p>Arguments: rounds. Scenarios: hard cap 16 MB with 40 CFs x 1 MB (flushes happen) and with 4
 * CFs x 768 KB (no flush); no cap, 8 MB write buffers, 4 CFs x 768 KB (no flush); each written at
 * full speed and paced over about a second, then closed.
 */
public final class WatchPeakHarness {

  private WatchPeakHarness() {}

  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    RocksDbConfig capped = RocksDbConfig.defaults().withMemtableLimitMb(16);
    RocksDbConfig uncapped = RocksDbConfig.defaults();
    for (boolean paced : new boolean[] {false, true}) {
      String speed = paced ? ", paced over about 1 s" : ", full speed";
      run("cap 16 MB, 40 CFs x 1 MB" + speed, capped, 40, 1 << 20, paced, rounds);
      run("cap 16 MB, 4 CFs x 768 KB (no flush)" + speed, capped, 4, 768 << 10, paced, rounds);
      run("no cap, 4 CFs x 768 KB (no flush)" + speed, uncapped, 4, 768 << 10, paced, rounds);
    }
  }

  private static void run(
      String label,
      RocksDbConfig config,
      int families,
      int bytesPerFamily,
      boolean paced,
      int rounds)
      throws Exception {
    List<Double> ratios = new ArrayList<>();
    long ownerPeakSum = 0;
    long watchPeakSum = 0;
    for (int r = 0; r < rounds; r++) {
      Path dir = Files.createTempDirectory("kalamdb-watch-peak");
      List<String> names = new ArrayList<>();
      names.add("default");
      for (int f = 1; f < families; f++) {
        names.add("t" + f);
      }
      long ownerPeak;
      DatabaseWatch watch;
      try (RocksDbOptions opts = RocksDbOptions.from(config)) {
        OwnDatabase own = new OwnDatabase(opts, dir, names);
        watch = DatabaseWatch.start("repo", own.db, opts.cache());
        ownerPeak = fill(own, names, bytesPerFamily, paced, opts);
        own.close();
      }
      watch.close();
      ownerPeakSum += ownerPeak;
      watchPeakSum += watch.peak().total();
      ratios.add(watch.peak().total() / (double) ownerPeak);
      WatchCloseRace.deleteTree(dir);
    }
    System.out.printf(
        "%s: owner's own peak %.1f MB, watch's peak %.1f MB (mean of %d), ratio min %.2f max %.2f%n",
        label,
        ownerPeakSum / (double) rounds / (1 << 20),
        watchPeakSum / (double) rounds / (1 << 20),
        rounds,
        ratios.stream().mapToDouble(Double::doubleValue).min().orElse(0),
        ratios.stream().mapToDouble(Double::doubleValue).max().orElse(0));
  }

  /** Writes 4 KB values round robin; the owner reads its own figures every 64 writes. */
  private static long fill(
      OwnDatabase own, List<String> names, int bytesPerFamily, boolean paced, RocksDbOptions opts)
      throws RocksDBException, InterruptedException {
    MemoryAccountant mine =
        MemoryAccountant.ofDatabase(
            own.db, List.of(opts.cache()), opts.config().hasMemtableLimit() ? opts.cache() : null);
    long peak = 0;
    byte[] value = new byte[4 << 10];
    int writes = bytesPerFamily / value.length * names.size();
    try (WriteOptions noWal = new WriteOptions().setDisableWAL(true)) {
      for (int k = 0; k < writes; k++) {
        value[0] = (byte) k;
        own.db.put(own.handle(names.get(k % names.size())), noWal, Workload.key(k), value);
        if (k % 64 == 0) {
          peak = Math.max(peak, mine.measure().total());
          if (paced) {
            Thread.sleep(1000L * 64 / writes);
          }
        }
      }
    }
    return Math.max(peak, mine.measure().total());
  }
}

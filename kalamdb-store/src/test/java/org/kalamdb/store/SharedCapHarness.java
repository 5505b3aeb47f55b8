package org.kalamdb.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.kalamdb.config.RocksDbConfig;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * One cap shared by many databases, written by several threads (issue 14's concurrent scenario, as
 * Kafka Streams' stream threads write their stores): 60 databases opened with one {@link
 * RocksDbOptions} (one cache, one write buffer manager), 4 writer threads with 15 databases each, 4
 * MB of 1 KB values into each of their databases, then 48 MB into one database each, WAL off. A
 * sampler sums the memtables of all databases every 5 ms. Prints the peak, the time, and whether
 * every writer finished within the time limit (a write buffer manager stall can wedge for good:
 * rocksdb#11780). Not a test; the harness owns every database and closes them only after the
 * sampler and the writers stopped.
 *
 * <p>Arguments: mode ({@code stall}: the options as built; {@code flusher}: the same plus {@link
 * SharedCapFlusher}), cap in MB, seconds allowed, arena sizing ({@code all}, {@code growing},
 * {@code one}; see {@link #sharing}).
 */
public final class SharedCapHarness {

  private SharedCapHarness() {}

  /**
   * The column families the arena block of database {@code d} is sized for: {@code all} (every
   * database), {@code growing} (those open when it opens, as a setter counting live stores does),
   * {@code one} (its own, as options made per database do).
   */
  private static int sharing(String arena, int d, int databases) {
    return switch (arena) {
      case "all" -> databases;
      case "growing" -> d + 1;
      case "one" -> 1;
      default -> {
        if (arena.startsWith("fixed:")) {
          yield Integer.parseInt(arena.substring("fixed:".length()));
        }
        throw new IllegalArgumentException("arena: all, growing, one or fixed:N, got " + arena);
      }
    };
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    int capMb = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    String arena = args.length > 3 ? args[3] : "all";
    int databases = 60;
    int threads = 4;
    RocksDbConfig config =
        RocksDbConfig.defaults().withMemtableLimitMb(capMb).withWriteBufferSizeMb(16);
    Path base = Files.createTempDirectory("kalamdb-shared-cap");
    RocksDbOptions opts = RocksDbOptions.from(config);
    List<OwnDatabase> dbs = new ArrayList<>();
    for (int d = 0; d < databases; d++) {
      dbs.add(
          OwnDatabase.sharingTheCap(
              opts, base.resolve("db" + d), List.of("default"), sharing(arena, d, databases)));
    }
    AtomicLong peak = new AtomicLong();
    AtomicLong samples = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                long sum = 0;
                for (OwnDatabase db : dbs) {
                  try {
                    sum += db.db.getLongProperty("rocksdb.size-all-mem-tables");
                  } catch (RocksDBException e) {
                    throw new IllegalStateException(e);
                  }
                }
                peak.accumulateAndGet(sum, Math::max);
                samples.incrementAndGet();
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "sampler");
    sampler.setDaemon(true);
    sampler.start();
    SharedCapFlusher flusher = null;
    if (mode.equals("flusher")) {
      List<RocksDB> raw = dbs.stream().map(own -> own.db).toList();
      flusher = SharedCapFlusher.start(opts, raw);
    }
    CountDownLatch done = new CountDownLatch(threads);
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      List<OwnDatabase> mine = dbs.subList(t * databases / threads, (t + 1) * databases / threads);
      Thread writer =
          new Thread(
              () -> {
                try (WriteOptions noWal = new WriteOptions().setDisableWAL(true)) {
                  byte[] value = new byte[1024];
                  int k = 0;
                  for (int i = 0; i < 4 * 1024; i++) {
                    for (OwnDatabase db : mine) {
                      value[0] = (byte) i;
                      db.db.put(noWal, Workload.key(k++), value);
                    }
                  }
                  for (int i = 0; i < 48 * 1024; i++) {
                    value[0] = (byte) i;
                    mine.get(0).db.put(noWal, Workload.key(k++), value);
                  }
                  done.countDown();
                } catch (RocksDBException e) {
                  e.printStackTrace();
                }
              },
              "writer-" + t);
      writer.setDaemon(true);
      writer.start();
    }
    boolean finished = done.await(seconds, TimeUnit.SECONDS);
    long millis = (System.nanoTime() - start) / 1_000_000;
    sampler.interrupt();
    sampler.join();
    if (flusher != null) {
      flusher.close();
    }
    System.out.printf(
        "%s, arena for %s, cap %d MB, %d databases, %d writers: %s in %d ms; memtables peak %.1f"
            + " MB (%.2fx the cap) over %d samples%s%n",
        mode,
        arena,
        capMb,
        databases,
        threads,
        finished ? "every writer finished" : "WEDGED (writers still waiting)",
        millis,
        peak.get() / 1048576.0,
        peak.get() / (capMb * 1048576.0),
        samples.get(),
        flusher == null ? "" : "; flusher flushed " + flusher.flushes() + " times");
    if (!finished) {
      // The stall watch reports a cap held full with no flush after 10 s; give it 15 more.
      long deadline = System.nanoTime() + 15_000_000_000L;
      while (opts.lastingStalls() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      System.out.println("lasting stalls reported: " + opts.lastingStalls());
      System.out.flush();
      System.err.flush();
      Runtime.getRuntime().halt(3); // writers are stuck inside RocksDB
    }
    System.out.println("lasting stalls reported: " + opts.lastingStalls());
    try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
      for (OwnDatabase db : dbs) {
        db.db.flush(flush);
        db.close();
      }
    }
    opts.close();
    WatchCloseRace.deleteTree(base);
  }
}

package org.kalamdb.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.kalamdb.config.RocksDbConfig;
import org.rocksdb.RocksDBException;

/**
 * Owners that open a database with {@link RocksDbOptions}, watch it, write a little and close it on
 * their own thread, over and over, while other threads keep the cores busy so that any thread can
 * be descheduled anywhere: issue 16's crash (a watch's sampler inside RocksDB while the owner
 * closes). Nobody calls {@link DatabaseWatch#sampleNow()}. Run by {@code WatchCloseRaceTest} in a
 * child JVM for a short time; at full length by hand:
 *
 * <pre>
 * ./mvnw -B -q -pl kalamdb-store -am install -DskipTests
 * ./mvnw -B -q -pl kalamdb-store dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp "$(cat /tmp/cp.txt):kalamdb-store/target/test-classes:kalamdb-store/target/classes" \
 *     org.kalamdb.store.WatchCloseRace 150 32 40 6
 * </pre>
 *
 * Arguments: seconds, owner threads, column families per database, busy threads. Prints one line
 * with the cycles done and exits 0; any failure exits 1 (a crash kills the JVM instead).
 */
public final class WatchCloseRace {

  private WatchCloseRace() {}

  public static void main(String[] args) throws Exception {
    long seconds = Long.parseLong(args[0]);
    int owners = Integer.parseInt(args[1]);
    int families = Integer.parseInt(args[2]);
    int busy = Integer.parseInt(args[3]);
    Path base = Files.createTempDirectory("kalamdb-watch-race");
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong cycles = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    for (int b = 0; b < busy; b++) {
      Thread burner = new Thread(() -> burn(deadline, failure), "busy-" + b);
      burner.setDaemon(true);
      threads.add(burner);
    }
    for (int o = 0; o < owners; o++) {
      Path dir = Files.createDirectories(base.resolve("owner-" + o));
      threads.add(
          new Thread(
              () -> {
                try {
                  int round = 0;
                  while (System.nanoTime() < deadline && failure.get() == null) {
                    ownOneDatabase(dir.resolve("db" + (round++ % 2)), families);
                    cycles.incrementAndGet();
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              },
              "owner-" + o));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    deleteTree(base);
    if (failure.get() != null) {
      failure.get().printStackTrace();
      System.exit(1);
    }
    System.out.printf(
        "%d owners, %d column families, %d busy threads, %d s: %d databases watched and closed%n",
        owners, families, busy, seconds, cycles.get());
  }

  private static void ownOneDatabase(Path dir, int families) throws RocksDBException {
    List<String> names = new ArrayList<>();
    names.add("default");
    for (int f = 1; f < families; f++) {
      names.add("t" + f);
    }
    RocksDbConfig config =
        RocksDbConfig.defaults().withWriteBufferSizeMb(1).withBlockCacheSizeMb(1);
    try (RocksDbOptions opts = RocksDbOptions.from(config)) {
      OwnDatabase own = new OwnDatabase(opts, dir, names);
      DatabaseWatch watch = DatabaseWatch.start("repo", own.db, opts.cache());
      try {
        byte[] value = new byte[4 << 10];
        for (int k = 0; k < 64; k++) {
          value[0] = (byte) k;
          own.put(names.get(k % names.size()), Workload.key(k), value);
        }
        own.close(); // on this thread, while the watch runs on
      } finally {
        watch.close();
      }
    }
  }

  private static void burn(long deadline, AtomicReference<Throwable> failure) {
    long x = 0;
    while (System.nanoTime() < deadline && failure.get() == null) {
      x += Long.numberOfTrailingZeros(x ^ System.nanoTime());
    }
    if (x == 42) {
      System.out.print("");
    }
  }

  static void deleteTree(Path base) throws IOException {
    try (Stream<Path> paths = Files.walk(base)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}

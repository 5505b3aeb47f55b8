package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.store.DatabaseWatch;
import org.kalamdb.store.KalamStore;

/**
 * A thousand store open/write/close cycles through the extension leave nothing behind: no
 * directories, no file descriptors, no open stores, and bounded process memory. The same for a
 * thousand databases opened by the test itself in a {@code @TempStore Path} and watched.
 */
class LeakTest {
  static final int CYCLES = 1000;

  /**
   * Descriptors the JVM itself may open meanwhile (a jar, a log): a leak of one per cycle would be
   * a thousand, far past this.
   */
  static final long FD_SLACK = 4;

  static final int WARM_UP = 50;
  static final ConcurrentLinkedQueue<KalamStore> STORES = new ConcurrentLinkedQueue<>();

  @Fixture
  @KalamStoreTest
  static class Cycles {
    @RepeatedTest(CYCLES)
    void cycle(KalamStore store) {
      STORES.add(store);
      for (int i = 0; i < 10; i++) {
        byte[] key = ("k" + i).getBytes();
        store.put("default", key, key);
      }
    }
  }

  @Fixture
  @KalamStoreTest
  static class WarmUp {
    @RepeatedTest(WARM_UP)
    void cycle(KalamStore store) {
      store.put("default", "k".getBytes(), "v".getBytes());
    }
  }

  static final ConcurrentLinkedQueue<DatabaseWatch> WATCHES = new ConcurrentLinkedQueue<>();
  static final RocksDbConfig TINY = new RocksDbConfig(1, 2, 0, 0);

  @Fixture
  @KalamStoreTest
  static class DatabaseCycles {
    @RepeatedTest(CYCLES)
    void cycle(@TempStore Path dir, MemoryWatch memory) throws Exception {
      try (ApplicationDatabase repo = ApplicationDatabase.open(dir, TINY)) {
        WATCHES.add(memory.watch("repo", repo.db, repo.options.cache()));
        for (int i = 0; i < 10; i++) {
          byte[] key = ("k" + i).getBytes();
          repo.db.put(key, key);
        }
      }
    }
  }

  @Fixture
  @KalamStoreTest
  static class DatabaseWarmUp {
    @RepeatedTest(WARM_UP)
    void cycle(@TempStore Path dir, MemoryWatch memory) throws Exception {
      try (ApplicationDatabase repo = ApplicationDatabase.open(dir, TINY)) {
        memory.watch("repo", repo.db, repo.options.cache());
        repo.db.put("k".getBytes(), "v".getBytes());
      }
    }
  }

  @Test
  void aThousandWatchedDatabaseCyclesLeakNothing() throws Exception {
    try (ScratchDirectory scratch = ScratchDirectory.create()) {
      Path base = scratch.path();
      Fixtures fixtures = Fixtures.under(base.resolve("dirs"));
      fixtures
          .run(DatabaseWarmUp.class)
          .testEvents()
          .assertStatistics(stats -> stats.succeeded(WARM_UP));
      long probeBefore = probeWatchedBytes(base.resolve("probe-before"));
      OptionalLong fdsBefore = openFileDescriptors();
      WATCHES.clear();
      long start = System.nanoTime();

      fixtures
          .run(DatabaseCycles.class)
          .testEvents()
          .assertStatistics(stats -> stats.succeeded(CYCLES));

      long millis = (System.nanoTime() - start) / 1_000_000;
      System.gc();
      OptionalLong fdsAfter = openFileDescriptors();
      long probeAfter = probeWatchedBytes(base.resolve("probe-after"));
      System.out.printf(
          "leak test: %d watched database cycles in %d ms; open fds %s -> %s;"
              + " probe database accounted bytes %d -> %d%n",
          CYCLES, millis, text(fdsBefore), text(fdsAfter), probeBefore, probeAfter);

      assertThat(WATCHES)
          .hasSize(CYCLES)
          .allMatch(DatabaseWatch::isClosed)
          .allMatch(DatabaseWatch::databaseClosed);
      assertThat(fixtures.leftovers()).isEmpty();
      assertThat(probeAfter)
          .as("accounted memory of a fresh watched database")
          .isBetween(probeBefore - 1024, probeBefore + 1024);
      if (fdsBefore.isPresent()) {
        assertThat(fdsAfter.getAsLong())
            .as("open file descriptors")
            .isLessThanOrEqualTo(fdsBefore.getAsLong() + FD_SLACK);
      }
    }
  }

  /** Accounted memory of a fresh database after a fixed small write, as its watch sees it. */
  private static long probeWatchedBytes(Path dir) throws Exception {
    try (ApplicationDatabase probe = ApplicationDatabase.open(dir, TINY);
        DatabaseWatch watch = DatabaseWatch.start("probe", probe.db, probe.options.cache())) {
      probe.db.put("k".getBytes(), "v".getBytes());
      return watch.sampleNow().orElseThrow().total();
    }
  }

  @Test
  void aThousandStoreCyclesLeakNothing() throws IOException {
    try (ScratchDirectory scratch = ScratchDirectory.create()) {
      cycle(scratch.path());
    }
  }

  private void cycle(Path base) throws IOException {
    // "No cache": zero-MB block cache; 1 MB write buffers keep each store tiny.
    Path config =
        Files.writeString(
            base.resolve("tiny.toml"),
            "[rocksdb]\nwrite_buffer_size_mb = 1\nblock_cache_size_mb = 0\n");
    Path stores = base.resolve("stores");
    Fixtures fixtures = Fixtures.under(stores).with("kalamdb.store.config", config.toString());
    fixtures.run(WarmUp.class).testEvents().assertStatistics(stats -> stats.succeeded(WARM_UP));
    long probeBefore = probeAccountedBytes(base.resolve("probe-before"));
    OptionalLong fdsBefore = openFileDescriptors();
    OptionalLong rssBefore = residentBytes();
    STORES.clear();

    fixtures.run(Cycles.class).testEvents().assertStatistics(stats -> stats.succeeded(CYCLES));

    System.gc();
    OptionalLong fdsAfter = openFileDescriptors();
    OptionalLong rssAfter = residentBytes();
    long probeAfter = probeAccountedBytes(base.resolve("probe-after"));
    System.out.printf(
        "leak test: %d cycles; open fds %s -> %s; RSS %s -> %s MB (growth %s MB);"
            + " probe store accounted bytes %d -> %d%n",
        CYCLES,
        text(fdsBefore),
        text(fdsAfter),
        mb(rssBefore),
        mb(rssAfter),
        rssBefore.isPresent() && rssAfter.isPresent()
            ? Long.toString((rssAfter.getAsLong() - rssBefore.getAsLong()) >> 20)
            : "n/a",
        probeBefore,
        probeAfter);

    assertThat(STORES).hasSize(CYCLES).allMatch(KalamStore::isClosed);
    assertThat(fixtures.leftovers()).isEmpty();
    // A fresh store accounts the same few KB as before the thousand cycles (give or take an
    // allocation rounding): nothing shared between stores grew.
    assertThat(probeAfter)
        .as("accounted memory of a fresh store")
        .isBetween(probeBefore - 1024, probeBefore + 1024);
    if (fdsBefore.isPresent()) {
      assertThat(fdsAfter.getAsLong())
          .as("open file descriptors")
          .isLessThanOrEqualTo(fdsBefore.getAsLong() + FD_SLACK);
    }
    if (rssBefore.isPresent()) {
      assertThat(rssAfter.getAsLong() - rssBefore.getAsLong())
          .as("RSS growth")
          .isLessThan(256L << 20);
    }
  }

  /** Accounted memory of a fresh store after a fixed small write: the baseline per store. */
  private static long probeAccountedBytes(Path dir) {
    try (KalamStore probe = KalamStore.open(dir, new RocksDbConfig(1, 2, 0, 0), List.of())) {
      probe.put("default", "k".getBytes(), "v".getBytes());
      return probe.memoryUsage().total();
    }
  }

  /** Open file descriptors of this process, where /proc/self/fd exists (Linux). */
  private static OptionalLong openFileDescriptors() throws IOException {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return OptionalLong.empty();
    }
    try (Stream<Path> entries = Files.list(fds)) {
      return OptionalLong.of(entries.count());
    }
  }

  /** Resident set size from /proc/self/status (Linux); empty elsewhere. */
  private static OptionalLong residentBytes() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return OptionalLong.empty();
    }
    return Files.readAllLines(status).stream()
        .filter(line -> line.startsWith("VmRSS:"))
        .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
        .findFirst();
  }

  private static String text(OptionalLong value) {
    return value.isPresent() ? Long.toString(value.getAsLong()) : "n/a";
  }

  private static String mb(OptionalLong bytes) {
    return bytes.isPresent() ? Long.toString(bytes.getAsLong() >> 20) : "n/a";
  }
}

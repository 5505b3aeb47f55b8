package org.kalamdb.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.store.MemoryUsage;

/**
 * Kafka opens and closes stores and segments all the time, a new setter each: the shared options
 * must follow, never freed under a store that still uses them, and give back everything a closed
 * store held. Real stores through {@link TopologyTestDriver}; a "sentinel" application keeps the
 * shared options alive so their cache can be read before and after.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StoreLifecycleTest {
  static final String CONFIG = "classpath:capped.toml";

  /**
   * Applications of three stores each: 1002 stores opened and closed. The second run of the
   * module's tests, on Kafka's rocksdbjni, sets fewer (the pom): the lifecycle is the setter's, the
   * same on both.
   */
  static final int CYCLES = Integer.getInteger("kalamdb.test.lifecycle-applications", 334);

  static final int APPLICATIONS = 20;

  @TempDir Path dir;

  private final ConfigReference reference =
      ConfigReference.of(
          Map.of(KalamRocksDBConfigSetter.CONFIG, CONFIG), getClass().getClassLoader());

  @Test
  void openCloseCyclesLeaveFilesCacheAndCountsWhereTheyStarted() {
    assumeTrue(OpenFiles.countable(), "needs /proc/self/fd");
    try (TopologyTestDriver sentinel = sentinel()) {
      openAndClose(-1); // the JVM's and RocksDB's one-time costs: classes, threads, jars
      long files = OpenFiles.count();
      long cache = SharedOptions.cacheUsage(reference).orElseThrow();
      MemoryUsage before = StreamsMemory.of(sentinel).sample();
      assertThat(SharedOptions.openStores(reference)).isEqualTo(1);

      for (int cycle = 0; cycle < CYCLES; cycle++) {
        openAndClose(cycle);
      }

      assertThat(SharedOptions.openStores(reference)).isEqualTo(1);
      assertThat(OpenFiles.count()).isEqualTo(files);
      assertThat(SharedOptions.cacheUsage(reference)).contains(cache);
      assertThat(StreamsMemory.of(sentinel).sample()).isEqualTo(before);
    }
    assertThat(SharedOptions.openStores(reference)).isZero();
  }

  @Test
  void theLastStoreToCloseFreesTheSharedOptionsAndTheNextOneLoadsThemAgain() {
    for (int cycle = 0; cycle < 3; cycle++) {
      int seen;
      try (TopologyTestDriver driver =
          new TopologyTestDriver(new StoresTopology(3).build(), props("alone-" + cycle))) {
        seen = SharedOptions.openStores(reference);
        assertThat(StreamsMemory.of(driver).sample().memTableBytesByColumnFamily())
            .containsOnlyKeys("store-0", "store-1", "store-2");
      }
      assertThat(seen).isEqualTo(3);
      assertThat(SharedOptions.openStores(reference)).isZero();
      assertThat(SharedOptions.cacheUsage(reference)).isEmpty();
    }
  }

  @Test
  void twentyApplicationsOneAfterAnotherGiveBackAllTheyHeld() {
    try (TopologyTestDriver sentinel = sentinel()) {
      MemoryUsage before = StreamsMemory.of(sentinel).sample();
      long files = OpenFiles.countable() ? OpenFiles.count() : -1;
      long leftBehind = 0;
      for (int app = 0; app < APPLICATIONS; app++) {
        long cache = SharedOptions.cacheUsage(reference).orElseThrow();
        int instances = runApplication(app);
        // A plain, a timestamped and a window store whose segments roll over: several instances.
        assertThat(instances).isGreaterThan(4);
        leftBehind += SharedOptions.cacheUsage(reference).orElseThrow() - cache;
      }
      MemoryUsage after = StreamsMemory.of(sentinel).sample();

      assertThat(SharedOptions.openStores(reference)).isEqualTo(1);
      // Memtables and their reservations, pinned index and filter blocks: all given back.
      assertThat(after.blockCachePinnedBytes()).isEqualTo(before.blockCachePinnedBytes());
      assertThat(after.memTableTotalBytes()).isEqualTo(before.memTableTotalBytes());
      assertThat(after.memTableBytesByColumnFamily()).containsOnlyKeys("store-0");
      if (files >= 0) {
        assertThat(OpenFiles.count()).isEqualTo(files);
      }
      // What stays: the index and filter blocks of the closed stores' deleted files, unpinned in
      // the LRU until evicted (RocksDB erases no block when a table closes). Bounded, and said.
      System.out.printf(
          "%d applications: %d bytes of evictable blocks left in the shared cache%n",
          APPLICATIONS, leftBehind);
      assertThat(after.blockCacheBytes() - after.blockCachePinnedBytes())
          .isEqualTo(leftBehind)
          .isLessThan(APPLICATIONS * 256L * 1024);
    }
  }

  /**
   * Kafka closes a store whose opening failed after the setter ran without calling the setter's
   * {@code close} (Kafka 4.4.0 {@code RocksDBStore.openDB}: a failed directory creation throws
   * right away, a failed RocksDB open goes to {@code closeNativeResources}); the reference it holds
   * must still go when Kafka drops the store, or the shared options live for ever.
   */
  @Test
  void aStoreThatFailedToOpenIsReleasedWhenKafkaDropsIt() throws Exception {
    Path state = dir.resolve("blocked");
    Path storeDir = state.resolve("blocked").resolve("0_0").resolve("rocksdb").resolve("store-0");
    Files.createDirectories(storeDir.getParent());
    Files.writeString(storeDir, "a file where the store's directory goes");
    Properties props =
        StoresTopology.withSetter(StoresTopology.properties("blocked", state), CONFIG);

    assertThatThrownBy(() -> new TopologyTestDriver(new StoresTopology(1).build(), props))
        .hasStackTraceContaining("store-0");

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (SharedOptions.openStores(reference) > 0 && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(20);
    }
    assertThat(SharedOptions.openStores(reference)).isZero();
    assertThat(SharedOptions.liveCount()).isZero();
  }

  /** One file is one config, however it is named: one cache and one cap over both applications. */
  @Test
  void aFileNamedAsAResourceAndByItsPathIsOneConfig() throws Exception {
    Path file = Path.of(getClass().getResource("/capped.toml").toURI());
    Properties byPath =
        StoresTopology.withSetter(
            StoresTopology.properties("by-path", dir.resolve("by-path")), file.toString());
    try (TopologyTestDriver asResource =
            new TopologyTestDriver(new StoresTopology(1).build(), props("as-resource"));
        TopologyTestDriver asPath = new TopologyTestDriver(new StoresTopology(1).build(), byPath)) {
      assertThat(asResource.getAllStateStores()).hasSize(1);
      assertThat(asPath.getAllStateStores()).hasSize(1);
      assertThat(SharedOptions.liveCount()).isEqualTo(1);
      assertThat(SharedOptions.openStores(reference)).isEqualTo(2);
    }
  }

  private TopologyTestDriver sentinel() {
    return new TopologyTestDriver(new StoresTopology(1).build(), props("sentinel"));
  }

  private Properties props(String app) {
    return StoresTopology.withSetter(StoresTopology.properties(app, dir.resolve(app)), CONFIG);
  }

  /** A driver with three stores opened and closed, nothing written. */
  private void openAndClose(int cycle) {
    try (TopologyTestDriver driver =
        new TopologyTestDriver(new StoresTopology(3).build(), props("cycle-" + cycle))) {
      assertThat(SharedOptions.openStores(reference)).isEqualTo(4);
      assertThat(driver.getAllStateStores()).hasSize(3);
    }
  }

  /** Runs one application of every store kind; returns the most instances open at once. */
  private int runApplication(int app) {
    int instances = 0;
    try (TopologyTestDriver driver =
        new TopologyTestDriver(LifecycleTopology.build(), props("app-" + app))) {
      TestInputTopic<Integer, byte[]> input = StoresTopology.input(driver);
      for (int k = 0; k < 24; k++) {
        input.pipeInput(k, StoresTopology.value(k, 1024), LifecycleTopology.timestamp(k));
        instances = Math.max(instances, SharedOptions.openStores(reference));
      }
    }
    return instances;
  }
}

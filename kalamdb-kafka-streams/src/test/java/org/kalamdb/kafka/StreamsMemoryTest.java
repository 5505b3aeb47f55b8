package org.kalamdb.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.store.MemoryUsage;

@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StreamsMemoryTest {
  static final long MB = 1 << 20;
  static final String CONFIG = "classpath:capped.toml";

  @TempDir Path dir;

  @Test
  void sumsTheApplicationsStoresAndCountsTheSharedCacheOnce() {
    try (TopologyTestDriver a = driver("a", new StoresTopology(3, "a-"));
        TopologyTestDriver b = driver("b", new StoresTopology(2, "b-"))) {
      write(a, 3, 12 * MB);
      write(b, 2, 1 * MB);

      MemoryUsage ofA = StreamsMemory.of(a).sample();
      MemoryUsage ofB = StreamsMemory.of(b).sample();

      assertThat(ofA.memTableBytesByColumnFamily()).containsOnlyKeys("a-0", "a-1", "a-2");
      assertThat(ofB.memTableBytesByColumnFamily()).containsOnlyKeys("b-0", "b-1");
      // 12 MB into a store of 8 MB write buffers has flushed: its figures are RocksDB's own.
      assertThat(ofA.memTableTotalBytes()).isPositive().isLessThanOrEqualTo(33 * MB);
      assertThat(ofA.tableReadersBytes()).isPositive();
      // Both share one cache, counted once in each sample, and it holds the memtables' charge.
      assertThat(ofA.blockCacheBytes()).isPositive().isLessThanOrEqualTo(64 * MB);
      assertThat(ofA.memTableChargedToCacheBytes())
          .isEqualTo(Math.min(ofA.blockCacheBytes(), ofA.memTableTotalBytes()));
      assertThat(ofA.total()).isLessThanOrEqualTo(70 * MB);
    }
    assertThat(SharedOptions.liveCount()).isZero();
  }

  @Test
  void aWindowStoresSegmentsAreSummedUnderTheStoresName() {
    try (TopologyTestDriver driver =
        new TopologyTestDriver(LifecycleTopology.build(), props("segments"))) {
      TestInputTopic<Integer, byte[]> input = StoresTopology.input(driver);
      for (int k = 0; k < 12; k++) {
        input.pipeInput(k, StoresTopology.value(k, 1024), LifecycleTopology.timestamp(k));
      }
      assertThat(SharedOptions.openStores(reference())).isGreaterThan(3);
      assertThat(StreamsMemory.of(driver).sample().memTableBytesByColumnFamily())
          .containsOnlyKeys(
              LifecycleTopology.PLAIN, LifecycleTopology.TIMESTAMPED, LifecycleTopology.WINDOWED);
    }
  }

  /**
   * The safety rule: a sampler on another thread while Kafka opens, writes, flushes and closes
   * stores and expires segments on its own. Reading Kafka's property metrics here would call
   * RocksDB on databases being closed; a sample must never (a crash would end the JVM).
   */
  @Test
  void samplingFromAnotherThreadWhileStoresOpenAndCloseIsSafe() throws Exception {
    AtomicReference<TopologyTestDriver> current = new AtomicReference<>();
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong samples = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread sampler =
        new Thread(
            () -> {
              while (!done.get()) {
                TopologyTestDriver driver = current.get();
                try {
                  if (driver != null) {
                    StreamsMemory.of(driver).sample();
                    samples.incrementAndGet();
                  }
                  Thread.sleep(1); // leave the driver a core on a small machine
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              }
            },
            "sampler");
    sampler.start();
    try {
      for (int app = 0; app < 4; app++) {
        try (TopologyTestDriver driver =
            new TopologyTestDriver(LifecycleTopology.build(), props("raced-" + app))) {
          current.set(driver);
          TestInputTopic<Integer, byte[]> input = StoresTopology.input(driver);
          for (int k = 0; k < 24; k++) {
            input.pipeInput(k, StoresTopology.value(k, 1024), LifecycleTopology.timestamp(k));
          }
        }
      }
    } finally {
      done.set(true);
      sampler.join();
    }
    assertThat(failure.get()).isNull();
    assertThat(samples.get()).isPositive();
  }

  /**
   * Kafka opens a store on its stream thread ({@code <client>-StreamThread-<n>}, the thread its
   * metrics name) but the segments a restoration or a standby creates on that thread's state
   * updater ({@code <client>-StateUpdater-<n>}, Kafka 4.4.0 {@code StreamThread.create}): they are
   * the application's too. Here the driver starts on a thread named as a stream thread and every
   * record, so every segment, goes in on one named as its state updater.
   */
  @Test
  void segmentsOpenedOnTheStateUpdaterCountForTheStreamThreadsStores() throws Exception {
    ExecutorService streamThread = namedThread("app-StreamThread-1");
    ExecutorService stateUpdater = namedThread("app-StateUpdater-1");
    try {
      // Kafka's task lock belongs to the thread that opened the driver: it must close it too.
      TopologyTestDriver driver =
          streamThread
              .submit(() -> new TopologyTestDriver(LifecycleTopology.build(), props("restoring")))
              .get();
      try {
        stateUpdater
            .submit(
                () -> {
                  TestInputTopic<Integer, byte[]> input = StoresTopology.input(driver);
                  for (int k = 0; k < 6; k++) {
                    input.pipeInput(
                        k, StoresTopology.value(k, 1024), LifecycleTopology.timestamp(k));
                  }
                })
            .get();
        assertThat(StreamsMemory.of(driver).sample().memTableBytesByColumnFamily())
            .containsOnlyKeys(
                LifecycleTopology.PLAIN, LifecycleTopology.TIMESTAMPED, LifecycleTopology.WINDOWED);
      } finally {
        streamThread.submit(driver::close).get();
      }
    } finally {
      streamThread.shutdown();
      stateUpdater.shutdown();
    }
  }

  private static ExecutorService namedThread(String name) {
    return Executors.newSingleThreadExecutor(r -> new Thread(r, name));
  }

  private ConfigReference reference() {
    return ConfigReference.of(
        java.util.Map.of(KalamRocksDBConfigSetter.CONFIG, CONFIG), getClass().getClassLoader());
  }

  private Properties props(String app) {
    return StoresTopology.withSetter(StoresTopology.properties(app, dir.resolve(app)), CONFIG);
  }

  private TopologyTestDriver driver(String app, StoresTopology topology) {
    return new TopologyTestDriver(topology.build(), props(app));
  }

  private static void write(TopologyTestDriver driver, int stores, long bytesPerStore) {
    TestInputTopic<Integer, byte[]> input = StoresTopology.input(driver);
    int records = (int) (stores * bytesPerStore / 1024 / StoresTopology.VALUES_PER_RECORD);
    for (int k = 0; k < records; k++) {
      input.pipeInput(k, StoresTopology.value(k, 1024));
    }
  }
}

package org.kalamdb.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cap over all stores of a topology: 30 persistent key-value stores, 8 MB of 1 KB values each,
 * through a real {@link TopologyTestDriver}, memtables summed from Kafka Streams' own metrics.
 */
class StreamsHardCapTest {
  static final long MB = 1 << 20;
  static final int STORES = 30;
  static final int VALUE_BYTES = 1024;
  static final long BYTES_PER_STORE = 8 * MB;
  static final int SAMPLE_EVERY = 4;

  /** Peaks of one run, in bytes. */
  record Peaks(long memtables, long cache) {}

  @Test
  // A writer waiting for ever under a shared cap (rocksdb#11780) fails here instead of hanging.
  @Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void memtablesOfAllStoresStayUnderTheSharedCap(@TempDir Path dir) {
    Peaks capped = run(StoresTopology.withSetter(props("capped", dir), "classpath:capped.toml"));
    Peaks defaults = run(props("defaults", dir));

    System.out.printf(
        "30 stores x 8 MB: memtables peak %.1f MB capped (cache %.1f MB), %.1f MB on Kafka's"
            + " defaults%n",
        capped.memtables() / (double) MB,
        capped.cache() / (double) MB,
        defaults.memtables() / (double) MB);
    assertThat(capped.memtables()).isLessThanOrEqualTo((long) (1.1 * 32 * MB));
    assertThat(capped.cache()).isLessThanOrEqualTo((long) (1.1 * (32 + 32) * MB));
    assertThat(defaults.memtables()).isGreaterThan(3 * 32 * MB);
  }

  private static Properties props(String app, Path dir) {
    return StoresTopology.properties(app, dir.resolve(app));
  }

  static Peaks run(Properties props) {
    long memtables = 0;
    long cache = 0;
    try (TopologyTestDriver driver =
        new TopologyTestDriver(new StoresTopology(STORES).build(), props)) {
      TestInputTopic<Integer, byte[]> input = StoresTopology.input(driver);
      StreamsMemory memory = StreamsMemory.of(driver);
      int records =
          (int) (STORES * BYTES_PER_STORE / VALUE_BYTES / StoresTopology.VALUES_PER_RECORD);
      for (int k = 0; k < records; k++) {
        input.pipeInput(k, StoresTopology.value(k, VALUE_BYTES));
        if (k % SAMPLE_EVERY == 0 || k == records - 1) {
          memtables = Math.max(memtables, KafkaMetrics.sum(driver, "size-all-mem-tables"));
          cache = Math.max(cache, memory.sample().blockCacheBytes());
        }
      }
    }
    return new Peaks(memtables, cache);
  }
}

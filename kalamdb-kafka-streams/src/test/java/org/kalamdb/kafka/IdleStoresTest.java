package org.kalamdb.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: idle stores holding memory under the shared cap must not keep a busy one waiting. 40
 * stores each get 1 MB and go idle, then 64 MB go into one store, through a real {@link
 * TopologyTestDriver}: it finishes, and the memtables of all stores (Kafka Streams' own metrics,
 * read on the driver's thread) stay within 1.1 x the 32 MB cap.
 */
class IdleStoresTest {

  private static final int STORES = 40;
  private static final long MB = 1 << 20;

  @Test
  // A writer waiting for ever (rocksdb#11780) fails here instead of hanging.
  @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aBusyStoreFinishesUnderTheCapWhileIdleStoresHoldMemory(@TempDir Path dir) {
    var props =
        StoresTopology.withSetter(StoresTopology.properties("idle", dir), "classpath:capped.toml");
    long peak = 0;
    int valuesPerMb = (int) (MB / 1024);
    int recordsPerMb = valuesPerMb / StoresTopology.VALUES_PER_RECORD;
    try (TopologyTestDriver driver =
        new TopologyTestDriver(new StoresTopology(STORES).build(), props)) {
      TestInputTopic<Integer, byte[]> input = StoresTopology.input(driver);
      // Key k goes to store k % STORES: 1 MB into each store, then 64 MB into store 0 only.
      for (int k = 0; k < STORES * recordsPerMb; k++) {
        input.pipeInput(k, StoresTopology.value(k, 1024));
      }
      peak = KafkaMetrics.sum(driver, "size-all-mem-tables");
      for (int j = 0; j < 64 * recordsPerMb; j++) {
        int key = STORES * (recordsPerMb + j);
        input.pipeInput(key, StoresTopology.value(key, 1024));
        if (j % 8 == 0) {
          peak = Math.max(peak, KafkaMetrics.sum(driver, "size-all-mem-tables"));
        }
      }
    }
    System.out.printf(
        "40 idle stores with 1 MB each, then 64 MB into one: memtables peak %.1f MB%n",
        peak / (double) MB);
    assertThat(peak).isLessThanOrEqualTo((long) (1.1 * 32 * MB));
  }
}

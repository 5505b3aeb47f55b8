package org.kalamdb.sample.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.Test;
import org.kalamdb.junit.KalamStoreTest;
import org.kalamdb.junit.MemoryWatch;
import org.kalamdb.junit.TempStore;
import org.kalamdb.kafka.StreamsMemory;

/**
 * What the topology computes, on real RocksDB stores under the setter and config.toml; each test
 * also fails if the application's stores go over 72 MB (config.toml's worst case: 32 MB of cache
 * and a 32 MB memtable cap).
 */
@KalamStoreTest(config = "classpath:config.toml", memoryBudgetMb = 72)
class ClickCountsTest {

  @Test
  void countsClicksPerUser(@TempStore Path stateDir, MemoryWatch memory) {
    try (ClickCountsDriver app = new ClickCountsDriver(stateDir, memory)) {
      app.click("ada", 0);
      app.click("grace", 1);
      app.click("ada", 2);
      app.click("ada", 3);

      assertThat(app.perUser.readKeyValuesToMap()).isEqualTo(Map.of("ada", 3L, "grace", 1L));
      KeyValueStore<String, Long> store = app.driver.getKeyValueStore(ClickCounts.COUNT_STORE);
      assertThat(store.get("ada")).isEqualTo(3L);
      assertThat(store.get("nobody")).isNull();
    }
  }

  @Test
  void countsClicksPerUserPerMinute(@TempStore Path stateDir, MemoryWatch memory) {
    try (ClickCountsDriver app = new ClickCountsDriver(stateDir, memory)) {
      app.click("ada", 0);
      app.click("ada", 59);
      app.click("grace", 30);
      app.click("ada", 60);

      assertThat(app.perMinute.readKeyValuesToMap())
          .isEqualTo(
              Map.of(
                  "ada@2026-01-01T00:00:00Z", 2L,
                  "grace@2026-01-01T00:00:00Z", 1L,
                  "ada@2026-01-01T00:01:00Z", 1L));
    }
  }

  @Test
  void everyStoreIsUnderTheSetter(@TempStore Path stateDir, MemoryWatch memory) {
    try (ClickCountsDriver app = new ClickCountsDriver(stateDir, memory)) {
      app.click("ada", 0);

      // StreamsMemory sees only stores opened through KalamRocksDBConfigSetter.
      assertThat(StreamsMemory.of(app.driver).sample().memTableBytesByColumnFamily())
          .containsOnlyKeys(ClickCounts.COUNT_STORE, ClickCounts.WINDOW_STORE);
    }
  }

  @Test
  void windowsOlderThanTheRetentionAreDropped(@TempStore Path stateDir, MemoryWatch memory) {
    try (ClickCountsDriver app = new ClickCountsDriver(stateDir, memory)) {
      app.click("ada", 0);
      // Half an hour later: the segment holding the first minute has expired and been closed.
      app.click("ada", 30 * 60);

      WindowStore<String, Long> store = app.driver.getWindowStore(ClickCounts.WINDOW_STORE);
      Instant start = ClickCountsDriver.START;
      try (WindowStoreIterator<Long> first = store.fetch("ada", start, start)) {
        assertThat(first.hasNext()).isFalse();
      }
      Instant later = start.plus(ClickCounts.WINDOW.multipliedBy(30));
      try (WindowStoreIterator<Long> last = store.fetch("ada", later, later)) {
        assertThat(last.next().value).isEqualTo(1L);
      }
      assertThat(app.driver.getKeyValueStore(ClickCounts.COUNT_STORE).get("ada")).isEqualTo(2L);
    }
  }
}

package org.kalamdb.sample.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;
import org.kalamdb.junit.KalamStoreTest;
import org.kalamdb.junit.MemoryWatch;
import org.kalamdb.junit.TempStore;

/**
 * An hour of clicks by many users: the window store's segments are opened and dropped as time
 * passes, and every store of the application, with the shared cache, stays within the budget the
 * build's check-config also checks config.toml against (72 MB). The extension fails the test if the
 * peak goes over it.
 */
@KalamStoreTest(config = "classpath:config.toml", memoryBudgetMb = 72)
class ManyUsersTest {
  private static final int USERS = 2_000;
  private static final int CLICKS = 15_000;
  private static final long MILLIS_BETWEEN_CLICKS = 240;

  @Test
  void anHourOfClicksStaysWithinTheBudget(@TempStore Path stateDir, MemoryWatch memory) {
    try (ClickCountsDriver app = new ClickCountsDriver(stateDir, memory)) {
      for (int i = 0; i < CLICKS; i++) {
        app.clicks.pipeInput(
            user(i % USERS),
            "/page/" + i,
            ClickCountsDriver.START.plusMillis(i * MILLIS_BETWEEN_CLICKS));
      }

      KeyValueStore<String, Long> counts = app.driver.getKeyValueStore(ClickCounts.COUNT_STORE);
      long total = 0;
      try (KeyValueIterator<String, Long> all = counts.all()) {
        while (all.hasNext()) {
          total += all.next().value;
        }
      }
      assertThat(total).isEqualTo(CLICKS);
      assertThat(counts.approximateNumEntries()).isGreaterThan(0);

      // Only windows within the retention of the last click are still there.
      Instant last = ClickCountsDriver.START.plusMillis((CLICKS - 1) * MILLIS_BETWEEN_CLICKS);
      WindowStore<String, Long> windows = app.driver.getWindowStore(ClickCounts.WINDOW_STORE);
      long kept = 0;
      try (KeyValueIterator<Windowed<String>, Long> all = windows.all()) {
        while (all.hasNext()) {
          KeyValue<Windowed<String>, Long> window = all.next();
          assertThat(window.key.window().startTime())
              .isAfter(last.minus(ClickCounts.RETENTION).minus(ClickCounts.WINDOW));
          kept += window.value;
        }
      }
      assertThat(kept).isPositive().isLessThan(CLICKS);
    }
  }

  private static String user(int i) {
    return String.format("user-%05d", i);
  }
}

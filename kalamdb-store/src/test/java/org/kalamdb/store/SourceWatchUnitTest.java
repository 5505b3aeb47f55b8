package org.kalamdb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.config.RocksDbConfig;

/** A {@link SourceWatch} over a real store: when it samples, its peak, and what it refuses. */
class SourceWatchUnitTest {

  @TempDir Path dir;

  @Test
  void samplesAtStartInTheBackgroundAndOnDemandUntilClosed() throws Exception {
    AtomicInteger samples = new AtomicInteger();
    try (KalamStore store = KalamStore.open(dir, RocksDbConfig.defaults(), List.of("t"))) {
      MemorySource source =
          () -> {
            samples.incrementAndGet();
            return store.memoryUsage();
          };
      SourceWatch watch = SourceWatch.start("app", source);
      assertThat(samples.get()).isEqualTo(1);
      store.put("t", "k".getBytes(), new byte[1 << 20]);
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (watch.peak().memTableTotalBytes() < (1 << 20) && System.nanoTime() < deadline) {
        Thread.sleep(PeakSampler.BACKGROUND_PERIOD_MILLIS);
      }
      assertThat(watch.peak().memTableTotalBytes()).isGreaterThan(1 << 20);
      assertThat(watch.sampleNow().memTableTotalBytes()).isGreaterThan(1 << 20);
      watch.close();
      int afterClose = samples.get();
      Thread.sleep(3 * PeakSampler.BACKGROUND_PERIOD_MILLIS);
      assertThat(watch.sampleNow()).isEqualTo(MemoryUsage.NONE);
      assertThat(samples.get()).isEqualTo(afterClose);
      assertThat(watch.isClosed()).isTrue();
      assertThat(watch.peak().memTableTotalBytes()).isGreaterThan(1 << 20);
    }
  }

  @Test
  void aSourceAnsweringNullIsRefusedByName() {
    assertThatThrownBy(() -> SourceWatch.start("app", () -> null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("the memory source answered null");
  }
}

package org.kalamdb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.config.RocksDbConfig;

/**
 * A store whose user closed a handle from {@link KalamStore#columnFamily} or the database from
 * {@link KalamStore#db()}: every call throws IllegalStateException naming what was closed, the
 * background sampler and close() leave it alone, and the JVM survives (before: SIGSEGV/SIGABRT).
 */
class UserClosedHandlesTest {

  private static final RocksDbConfig CAPPED = RocksDbConfig.defaults().withMemtableLimitMb(8);

  @TempDir Path dir;

  private static final Map<String, Consumer<KalamStore>> CALLS =
      Map.of(
          "put", s -> s.put("users", Workload.key(1), new byte[10]),
          "get", s -> s.get("users", Workload.key(1)),
          "delete", s -> s.delete("users", Workload.key(1)),
          "scan", s -> s.scan("users", (k, v) -> {}),
          "scanPrefix", s -> s.scanPrefix("users", new byte[] {0}, (k, v) -> {}),
          "flush", KalamStore::flush,
          "columnFamily", s -> s.columnFamily("users"),
          "dropColumnFamily", s -> s.dropColumnFamily("users"));

  @Test
  void callsOnAFamilyWhoseHandleItsUserClosedAreRefused() {
    for (int i = 0; i < 300; i++) {
      Path storeDir = dir.resolve("s" + i); // fresh: families created below do not pile up
      try (KalamStore store = KalamStore.open(storeDir, CAPPED, List.of("users", "orders"))) {
        store.put("users", Workload.key(1), new byte[1000]);
        store.columnFamily("users").close();
        for (Map.Entry<String, Consumer<KalamStore>> call : CALLS.entrySet()) {
          assertThatThrownBy(() -> call.getValue().accept(store))
              .as(call.getKey())
              .isInstanceOf(IllegalStateException.class)
              .hasMessageContaining("column family 'users'")
              .hasMessageContaining("closed by its user");
        }
        // The rest of the store works, and its memory is still accounted (the family included).
        store.put("orders", Workload.key(1), new byte[1000]);
        assertThat(store.get("orders", Workload.key(1))).hasSize(1000);
        MemoryUsage usage = store.memoryUsage();
        assertThat(usage.memTableBytesByColumnFamily()).doesNotContainKey("users");
        assertThat(usage.memTableTotalBytes())
            .isGreaterThan(usage.memTableBytesByColumnFamily().get("orders") + 1000);
        if (i % 2 == 0) {
          store.createColumnFamily("t"); // the arena resize skips the closed handle
        }
      }
    }
  }

  @Test
  void callsAfterItsUserClosedTheDatabaseAreRefused() throws Exception {
    for (int i = 0; i < 300; i++) {
      Path storeDir = dir.resolve("s" + (i % 3));
      KalamStore store =
          KalamStore.open(storeDir, CAPPED, List.of("users"), WriteAheadLog.DISABLED);
      PeakRecorder recorder = store.recordPeaks();
      store.put("users", Workload.key(1), new byte[100_000]);
      store.memoryUsage();
      store.db().close();
      for (Map.Entry<String, Consumer<KalamStore>> call : CALLS.entrySet()) {
        assertThatThrownBy(() -> call.getValue().accept(store))
            .as(call.getKey())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("closed");
      }
      assertThatThrownBy(store::db)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("database of store " + storeDir + " was closed through db()");
      assertThatThrownBy(store::memoryUsage).isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(() -> store.createColumnFamily("x"))
          .isInstanceOf(IllegalStateException.class);
      // The accounting calls answer from what was seen before the close.
      assertThat(store.peakMemoryUsage().memTableTotalBytes()).isGreaterThan(100_000);
      store.resetPeak();
      store.recordPeaks().close();
      if (i % 50 == 0) {
        Thread.sleep(2 * PeakSampler.BACKGROUND_PERIOD_MILLIS); // the background sampler runs
      }
      store.close();
      store.close();
      assertThat(recorder.peak().memTableTotalBytes()).isGreaterThan(100_000);
    }
  }

  @Test
  void aRecorderSeesTheLastSampleCloseTakesAndIgnoresTheUsersReset() {
    KalamStore store = KalamStore.open(dir, CAPPED, List.of("users"));
    PeakRecorder budget = store.recordPeaks();
    PeakRecorder other = store.recordPeaks();
    assertThat(budget.peak().memTableTotalBytes()).isLessThan(100_000);
    // Under 1 MB: no sample after writes; closing right away leaves no time for the background.
    store.put("users", Workload.key(1), new byte[500_000]);
    store.resetPeak();
    other.reset();
    store.put("users", Workload.key(2), new byte[300_000]);
    store.close();
    assertThat(budget.peak().memTableTotalBytes()).isGreaterThan(800_000);
    assertThat(other.peak().memTableTotalBytes()).isGreaterThan(800_000);
    assertThatThrownBy(store::recordPeaks).isInstanceOf(IllegalStateException.class);
    budget.reset(); // to the final sample; never touches the closed database
    assertThat(budget.peak().memTableTotalBytes()).isGreaterThan(800_000);
    budget.close();
  }
}

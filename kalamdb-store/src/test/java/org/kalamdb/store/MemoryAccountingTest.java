package org.kalamdb.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.config.RocksDbConfig;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;

class MemoryAccountingTest {

  private static final int MB = Workload.MB;

  @TempDir Path dir;

  @Test
  void memtableBytesGrowWithWritesAndAreAttributedToTheirFamily() {
    try (KalamStore store =
        KalamStore.open(dir, RocksDbConfig.defaults(), List.of("big", "small", "idle"))) {
      MemoryUsage before = store.memoryUsage();
      Workload workload = new Workload(1000, 1000);
      workload.fill(store, List.of("big"), 3L * MB);
      workload.fill(store, List.of("small"), MB / 2);

      MemoryUsage after = store.memoryUsage();
      Map<String, Long> byFamily = after.memTableBytesByColumnFamily();
      assertThat(byFamily.get("big")).isBetween(3L * MB, 5L * MB);
      assertThat(byFamily.get("small"))
          .isBetween((long) MB / 2, 2L * MB)
          .isLessThan(byFamily.get("big"));
      assertThat(byFamily.get("idle")).isLessThan(64L << 10);
      assertThat(after.memTableTotalBytes())
          .isEqualTo(byFamily.values().stream().mapToLong(Long::longValue).sum());
      assertThat(after.memTableActiveBytes()).isGreaterThan(before.memTableActiveBytes() + 3L * MB);
      assertThat(after.total()).isGreaterThan(before.total() + 3L * MB);
      assertThat(after.largestColumnFamilies(2))
          .extracting(Map.Entry::getKey)
          .containsExactly("big", "small");
      assertThat(after.describe())
          .startsWith("total ")
          .contains(
              "memtables " + MemoryUsage.mb(after.memTableTotalBytes()),
              "largest CFs: big " + MemoryUsage.mb(byFamily.get("big")));
    }
  }

  @Test
  void theSharedCacheIsCountedOnce() throws Exception {
    List<String> families = Workload.names("t", 8);
    try (KalamStore store = KalamStore.open(dir, RocksDbConfig.defaults(), families)) {
      Workload workload = new Workload(1000, 1000);
      workload.fill(store, families, MB / 4);
      store.flush();
      for (String family : families) {
        store.scan(family, (k, v) -> {});
      }
      MemoryUsage usage = store.memoryUsage();
      RocksDB db = store.db();
      long perFamilySum = 0;
      for (String family : families) {
        long reported = db.getLongProperty(store.columnFamily(family), "rocksdb.block-cache-usage");
        // Every family reports the usage of the same shared cache.
        assertThat(reported).isEqualTo(usage.blockCacheBytes());
        perFamilySum += reported;
      }
      assertThat(usage.blockCacheBytes()).isGreaterThan(MB);
      assertThat(usage.total()).isLessThan(perFamilySum);
      assertThat(usage.total())
          .isEqualTo(
              usage.memTableTotalBytes() + usage.blockCacheBytes() + usage.tableReadersBytes());
    }
  }

  @Test
  void cappedStoreTakesMemtableReservationsOutOfTheCacheFigure() {
    RocksDbConfig capped = RocksDbConfig.defaults().withMemtableLimitMb(16);
    try (KalamStore store = KalamStore.open(dir, capped, List.of("t"), WriteAheadLog.DISABLED)) {
      new Workload(1000, 1000).fill(store, List.of("t"), 4L * MB);
      MemoryUsage usage = store.memoryUsage();
      // The write buffer manager reserved cache space for the memtables...
      assertThat(usage.blockCacheBytes()).isGreaterThanOrEqualTo(usage.memTableTotalBytes());
      assertThat(usage.memTableChargedToCacheBytes()).isEqualTo(usage.memTableTotalBytes());
      // ...so the total counts them once, not twice.
      assertThat(usage.total())
          .isLessThan(usage.memTableTotalBytes() + usage.blockCacheBytes())
          .isGreaterThanOrEqualTo(usage.memTableTotalBytes());
    }
  }

  @Test
  void peakIsAtLeastTheCurrentUsageAndResets() {
    try (KalamStore store =
        KalamStore.open(dir, RocksDbConfig.defaults(), List.of("t"), WriteAheadLog.DISABLED)) {
      new Workload(1000, 1000).fill(store, List.of("t"), 3L * MB);
      MemoryUsage high = store.memoryUsage();
      store.flush();
      MemoryUsage low = store.memoryUsage();
      assertThat(low.memTableTotalBytes()).isLessThan(high.memTableTotalBytes());

      MemoryUsage peak = store.peakMemoryUsage();
      assertThat(peak.total()).isGreaterThanOrEqualTo(high.total());

      store.resetPeak();
      MemoryUsage reset = store.peakMemoryUsage();
      assertThat(reset.total()).isLessThan(high.total());
      assertThat(reset.total()).isGreaterThanOrEqualTo(store.memoryUsage().total() - MB);
    }
  }

  @Test
  void writesAloneRaiseThePeakBetweenExplicitReads() {
    try (KalamStore store =
        KalamStore.open(dir, RocksDbConfig.defaults(), List.of("t"), WriteAheadLog.DISABLED)) {
      store.resetPeak();
      new Workload(1000, 1000).fill(store, List.of("t"), 3L * MB);
      store.flush();
      // The memtable is gone now; only samples taken while writing can remember it.
      assertThat(store.peakMemoryUsage().memTableTotalBytes()).isGreaterThan(2L * MB);
    }
  }

  @Test
  void accountantOfAPlainDefaultsStoreAddsUpEachFamilysOwnCache() {
    List<String> families = List.of("a", "b");
    try (KalamStore store = KalamStore.openWithRocksDbDefaults(dir, families)) {
      assertThat(store.usesRocksDbDefaults()).isTrue();
      assertThat(store.config()).isEqualTo(KalamStore.ROCKSDB_DEFAULTS);
      Workload workload = new Workload(1000, 1000);
      workload.fill(store, List.of("a"), MB);
      workload.fill(store, List.of("b"), MB / 4);
      store.flush();
      families.forEach(f -> store.scan(f, (k, v) -> {}));
      RocksDB db = store.db();
      Map<String, ColumnFamilyHandle> handles =
          Map.of("a", store.columnFamily("a"), "b", store.columnFamily("b"));
      MemoryUsage usage = MemoryAccountant.of(db, handles, null).measure();
      long a = property(db, handles.get("a"));
      long b = property(db, handles.get("b"));
      assertThat(a).isPositive();
      assertThat(b).isPositive();
      // A shared cache would report the same figure for both families.
      assertThat(a).as("each family has its own cache").isGreaterThan(b);
      assertThat(usage.blockCacheBytes()).isEqualTo(a + b);
      assertThat(store.memoryUsage().blockCacheBytes()).isGreaterThanOrEqualTo(a + b);
    }
  }

  private static long property(RocksDB db, ColumnFamilyHandle handle) {
    try {
      return db.getLongProperty(handle, "rocksdb.block-cache-usage");
    } catch (org.rocksdb.RocksDBException e) {
      throw new StoreException(e.getMessage(), e);
    }
  }
}

package org.kalamdb.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryUsageTest {

  private static final long MB = 1 << 20;

  @Test
  void totalCountsMemtablesOnceWhenTheCacheHoldsTheirReservations() {
    MemoryUsage capped =
        new MemoryUsage(
            10 * MB, 12 * MB, 14 * MB, 20 * MB, 15 * MB, MB, 14 * MB, Map.of("t", 14 * MB));
    assertThat(capped.total()).isEqualTo(14 * MB + 6 * MB + MB);
    assertThat(capped.blockCacheExcludingMemTablesBytes()).isEqualTo(6 * MB);

    MemoryUsage uncapped = new MemoryUsage(MB, MB, 2 * MB, 3 * MB, 0, MB, 0, Map.of());
    assertThat(uncapped.total()).isEqualTo(6 * MB);
  }

  @Test
  void describeNamesEveryPartAndTheLargestFamilies() {
    MemoryUsage usage =
        new MemoryUsage(
            8 * MB,
            10 * MB + MB / 10,
            12 * MB + 3 * MB / 10,
            MB + MB / 5,
            MB / 10,
            3 * MB / 10,
            0,
            Map.of("users", 2 * MB, "orders", 4 * MB + MB / 10, "idle", 0L, "tiny", MB / 2));
    assertThat(usage.describe())
        .isEqualTo(
            "total 13.8 MB: memtables 12.3 MB (unflushed 10.1 MB), block cache 1.2 MB (pinned 0.1"
                + " MB), table readers 0.3 MB; largest CFs: orders 4.1 MB, users 2.0 MB, tiny 0.5"
                + " MB");
    assertThat(usage.largestColumnFamilies(2))
        .containsExactly(Map.entry("orders", 4 * MB + MB / 10), Map.entry("users", 2 * MB));
    assertThat(usage.largestColumnFamilies(10)).hasSize(4);
    assertThat(usage.largestColumnFamilies(0)).isEmpty();
  }

  @Test
  void describeWithProfilesNamesTheProfileOfEachListedFamily() {
    MemoryUsage usage =
        new MemoryUsage(0, 0, MB / 2, 0, 0, 0, 0, Map.of("hot_data", 2 * MB / 5, "t7", MB / 10));
    assertThat(usage.describe(cf -> cf.equals("hot_data") ? "hot_data" : "system_meta"))
        .endsWith(
            "; largest CFs: hot_data 0.4 MB (profile hot_data), t7 0.1 MB (profile system_meta)");
    assertThat(usage.describe(cf -> null)).isEqualTo(usage.describe()).doesNotContain("profile");
  }

  @Test
  void theMapIsCopied() {
    java.util.HashMap<String, Long> map = new java.util.HashMap<>(Map.of("a", 1L));
    MemoryUsage usage = new MemoryUsage(0, 0, 1, 0, 0, 0, 0, map);
    map.put("b", 2L);
    assertThat(usage.memTableBytesByColumnFamily()).containsOnlyKeys("a");
    assertThat(MemoryUsage.NONE.total()).isZero();
  }
}

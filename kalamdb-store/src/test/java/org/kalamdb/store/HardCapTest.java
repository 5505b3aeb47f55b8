package org.kalamdb.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kalamdb.config.RocksDbConfig;

/**
 * Issue 4: with memtable_limit_mb = 32 and block_cache_size_mb = 32 the accounted peak stays within
 * 10% of 64 MB at any column family count, and the seed's settings do not.
 */
class HardCapTest {

  private static final RocksDbConfig CAPPED = RocksDbConfig.defaults().withMemtableLimitMb(32);
  private static final long BUDGET = 64L * Workload.MB;
  private static final long PER_FAMILY = 4L * Workload.MB;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} column families")
  @ValueSource(ints = {6, 57, 200})
  void cappedStoreStaysUnderTheCap(int count) {
    List<String> families = Workload.names("t", count);
    long start = System.nanoTime();
    MemoryUsage peak;
    long sst;
    try (KalamStore store = KalamStore.open(dir, CAPPED, families, WriteAheadLog.DISABLED)) {
      new Workload(1024, 4096).fill(store, families, PER_FAMILY);
      peak = store.peakMemoryUsage();
      sst = Workload.sstFiles(dir);
    }
    System.out.printf(
        "capped %d CFs: peak %s, %d SST files, %d ms%n",
        count, peak.describe(), sst, (System.nanoTime() - start) / 1_000_000);
    assertThat(peak.total()).isLessThanOrEqualTo((long) (BUDGET * 1.1));
    assertThat(peak.memTableTotalBytes()).isGreaterThan(0);
  }

  @Test
  void cappedStoreStaysUnderTheCapWhileFamiliesAreCreated() {
    int target = 57;
    long start = System.nanoTime();
    List<String> families = new ArrayList<>(Workload.names("t", 6));
    Workload workload = new Workload(1024, 4096);
    MemoryUsage peak;
    try (KalamStore store = KalamStore.open(dir, CAPPED, families, WriteAheadLog.DISABLED)) {
      long[] written = new long[target];
      for (long round = 0; ; round++) {
        if (families.size() < target && round % 10 == 0) {
          String name = "t" + families.size();
          store.createColumnFamily(name);
          families.add(name);
        }
        boolean any = false;
        for (int i = 0; i < families.size(); i++) {
          if (written[i] < PER_FAMILY) {
            byte[] value = workload.value();
            store.put(families.get(i), Workload.key(round), value);
            written[i] += value.length;
            any = true;
          }
        }
        if (!any && families.size() == target) {
          break;
        }
      }
      peak = store.peakMemoryUsage();
    }
    System.out.printf(
        "capped 6 -> %d CFs: peak %s, %d SST files, %d ms%n",
        target, peak.describe(), Workload.sstFiles(dir), (System.nanoTime() - start) / 1_000_000);
    assertThat(peak.total()).isLessThanOrEqualTo((long) (BUDGET * 1.1));
  }

  @Test
  void seedSettingsGoOverTheSameBudgetAt57Families() {
    List<String> families = Workload.names("t", 57);
    MemoryUsage peak;
    try (KalamStore store =
        KalamStore.open(dir, RocksDbConfig.defaults(), families, WriteAheadLog.DISABLED)) {
      new Workload(1024, 4096).fill(store, families, PER_FAMILY);
      peak = store.peakMemoryUsage();
    }
    System.out.printf("seed 57 CFs: peak %s%n", peak.describe());
    assertThat(peak.total()).isGreaterThan(BUDGET);
  }
}

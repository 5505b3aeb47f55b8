package org.kalamdb.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ProcessModelTest {
  private static final long KB = 1024;
  private static final long MB = 1024 * KB;

  @Test
  void aCappedStoreAddsTheLibraryTheStoreTheUnaccountedRestAndTheSlack() {
    RocksDbConfig capped = new RocksDbConfig(8, 2, 32, 32);
    // 32 + 32 MB + 57 x 64 KB in the worst case; 80 - 64 = 16 KB more per column family here.
    long worstCase = 64 * MB + 57 * 64 * KB;
    long expected = worstCase + 13 * MB + 3 * MB + 57 * 16 * KB + 57 * 56 * KB;

    assertThat(ProcessModel.processBytes(capped, 57)).isEqualTo(BigInteger.valueOf(expected));
    assertThat(ProcessModel.processSentence(capped, 57))
        .isEqualTo(
            "process: about 88 MB of RSS for RocksDB (68 MB worst case + 13 MB librocksdbjni + 3 MB"
                + " store + 57 x 16 KB unaccounted + 57 x 56 KB allocator slack), as measured under"
                + " glibc malloc with MALLOC_ARENA_MAX=2");
  }

  @Test
  void withoutACapEveryColumnFamilysUnaccountedMemoryIsAdded() {
    RocksDbConfig seed = RocksDbConfig.defaults();
    long worstCase = 57 * 16 * MB + 32 * MB;
    long expected = worstCase + 16 * MB + 57 * 80 * KB + 57 * 56 * KB;

    assertThat(ProcessModel.processBytes(seed, 57)).isEqualTo(BigInteger.valueOf(expected));
    assertThat(ProcessModel.formula(seed, 57))
        .isEqualTo(
            "944 MB worst case + 13 MB librocksdbjni + 3 MB store + 57 x 80 KB unaccounted + 57 x"
                + " 56 KB allocator slack");
  }

  @Test
  void aServerFileCountsTheColumnFamiliesTheServerOpens() {
    RocksDbConfig server = RocksDbConfig.serverDefaults();

    assertThat(ProcessModel.processBytes(server, 1))
        .isEqualTo(ProcessModel.processBytes(server, MemoryModel.countedColumnFamilies(server, 1)));
    assertThat(ProcessModel.formula(server, 1)).contains(" x 80 KB unaccounted");
  }
}

package org.kalamdb.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kalamdb.config.RocksDbConfig;

class StoreOptionsTest {

  private static final RocksDbConfig CAP_32 = RocksDbConfig.defaults().withMemtableLimitMb(32);

  @Test
  void arenaBlocksShareAQuarterOfTheCapBetweenFamilies() {
    assertThat(StoreOptions.arenaBlockSize(CAP_32, 57))
        .isEqualTo(143_360); // 32 MB / 228 = 147,168, down to 4 KB
    assertThat(StoreOptions.arenaBlockSize(CAP_32, 200)).isEqualTo(40_960);
    assertThat(StoreOptions.arenaBlockSize(CAP_32, 57) * 57).isLessThanOrEqualTo(8L << 20);
  }

  @Test
  void onlyTheHardCapBoundsTheOpenTableFiles() {
    try (StoreOptions capped = StoreOptions.forConfig(CAP_32);
        StoreOptions seed = StoreOptions.forConfig(RocksDbConfig.defaults())) {
      assertThat(capped.dbOptions().maxOpenFiles())
          .isEqualTo(StoreOptions.CAPPED_MAX_OPEN_FILES)
          .isEqualTo(512);
      assertThat(seed.dbOptions().maxOpenFiles()).isEqualTo(-1);
    }
  }

  @Test
  void arenaBlocksStayBetween4KbAndTheWriteBufferSize() {
    assertThat(StoreOptions.arenaBlockSize(CAP_32, 1)).isEqualTo(8L << 20);
    assertThat(StoreOptions.arenaBlockSize(CAP_32.withWriteBufferSizeMb(1), 2)).isEqualTo(1L << 20);
    assertThat(StoreOptions.arenaBlockSize(CAP_32, 100_000)).isEqualTo(4096);
  }
}

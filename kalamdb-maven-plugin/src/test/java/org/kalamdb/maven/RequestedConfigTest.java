package org.kalamdb.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kalamdb.config.ConfigSizer;
import org.kalamdb.config.RocksDbConfig;

class RequestedConfigTest {

  @Test
  void nothingGivenMeansTheDefaults() {
    assertThat(new RequestedConfig(null, 57, null, null, null, null).resolve())
        .isEqualTo(RocksDbConfig.defaults());
  }

  @Test
  void budgetAloneIsSized() {
    assertThat(new RequestedConfig(512L, 100, null, null, null, null).resolve())
        .isEqualTo(ConfigSizer.forBudget(512, 100));
  }

  @Test
  void explicitValuesOverrideTheSizedOnesOneByOne() {
    RocksDbConfig sized = ConfigSizer.forBudget(512, 100);

    RocksDbConfig resolved = new RequestedConfig(512L, 100, null, 3, null, 64L).resolve();

    assertThat(resolved)
        .isEqualTo(new RocksDbConfig(sized.writeBufferSizeMb(), 3, sized.blockCacheSizeMb(), 64));
  }

  @Test
  void explicitValuesOverrideTheDefaultsWithoutBudget() {
    assertThat(new RequestedConfig(null, 57, 16L, 4, 0L, 0L).resolve())
        .isEqualTo(new RocksDbConfig(16, 4, 0, 0));
  }

  @Test
  void outOfRangeValueIsRefusedWithTheKeyName() {
    assertThatThrownBy(() -> new RequestedConfig(null, 57, 0L, null, null, null).resolve())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("write_buffer_size_mb");
  }
}

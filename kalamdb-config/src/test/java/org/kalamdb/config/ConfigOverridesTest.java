package org.kalamdb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigOverridesTest {
  private static final ConfigOverrides NONE = new ConfigOverrides(null, null, null, null);

  @Test
  void nothingGivenMeansTheDefaults() {
    assertThat(NONE.applyTo(ConfigSizer.forBudgetOrDefaults(null, 57)))
        .isEqualTo(RocksDbConfig.defaults());
  }

  @Test
  void budgetAloneIsSized() {
    assertThat(NONE.applyTo(ConfigSizer.forBudgetOrDefaults(512L, 100)))
        .isEqualTo(ConfigSizer.forBudget(512, 100));
  }

  @Test
  void explicitValuesOverrideTheSizedOnesOneByOne() {
    RocksDbConfig sized = ConfigSizer.forBudget(512, 100);

    RocksDbConfig resolved =
        new ConfigOverrides(null, 3, null, 64L).applyTo(ConfigSizer.forBudgetOrDefaults(512L, 100));

    assertThat(resolved)
        .isEqualTo(new RocksDbConfig(sized.writeBufferSizeMb(), 3, sized.blockCacheSizeMb(), 64));
  }

  @Test
  void explicitValuesOverrideTheDefaultsWithoutBudget() {
    assertThat(
            new ConfigOverrides(16L, 4, 0L, 0L).applyTo(ConfigSizer.forBudgetOrDefaults(null, 57)))
        .isEqualTo(new RocksDbConfig(16, 4, 0, 0));
  }

  @Test
  void eachValueReplacesOnlyItsOwnKey() {
    RocksDbConfig base = new RocksDbConfig(4, 3, 16, 64);
    assertThat(new ConfigOverrides(5L, null, null, null).applyTo(base))
        .isEqualTo(new RocksDbConfig(5, 3, 16, 64));
    assertThat(new ConfigOverrides(null, 6, null, null).applyTo(base))
        .isEqualTo(new RocksDbConfig(4, 6, 16, 64));
    assertThat(new ConfigOverrides(null, null, 7L, null).applyTo(base))
        .isEqualTo(new RocksDbConfig(4, 3, 7, 64));
    assertThat(new ConfigOverrides(null, null, null, 8L).applyTo(base))
        .isEqualTo(new RocksDbConfig(4, 3, 16, 8));
  }

  @Test
  void outOfRangeValueIsRefusedWithTheKeyName() {
    assertThatThrownBy(() -> new ConfigOverrides(0L, null, null, null).applyTo(base()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("write_buffer_size_mb");
  }

  @Test
  void impossibleBudgetIsRefusedBeforeAnyOverride() {
    assertThatThrownBy(() -> ConfigSizer.forBudgetOrDefaults(4L, 57))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the smallest budget that does is 12 MB");
  }

  private static RocksDbConfig base() {
    return RocksDbConfig.defaults();
  }
}

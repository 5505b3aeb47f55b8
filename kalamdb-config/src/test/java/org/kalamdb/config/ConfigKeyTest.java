package org.kalamdb.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigKeyTest {

  @Test
  void valueInReadsEachKeysOwnComponent() {
    RocksDbConfig config = new RocksDbConfig(4, 3, 16, 64);
    assertThat(ConfigKey.WRITE_BUFFER_SIZE_MB.valueIn(config)).isEqualTo(4);
    assertThat(ConfigKey.MAX_WRITE_BUFFER_NUMBER.valueIn(config)).isEqualTo(3);
    assertThat(ConfigKey.BLOCK_CACHE_SIZE_MB.valueIn(config)).isEqualTo(16);
    assertThat(ConfigKey.MEMTABLE_LIMIT_MB.valueIn(config)).isEqualTo(64);
  }

  @Test
  void valueInOfTheDefaultsIsEachKeysDefault() {
    for (ConfigKey key : ConfigKey.values()) {
      assertThat(key.valueIn(RocksDbConfig.defaults()))
          .as(key.tomlName())
          .isEqualTo(key.defaultValue());
    }
  }
}

package org.kalamdb.maven;

import org.kalamdb.config.ConfigKey;
import org.kalamdb.config.RocksDbConfig;

/** The words log lines use for a configuration's values. */
final class SettingsText {
  private SettingsText() {}

  /**
   * Every key with its value, as written in TOML: {@code write_buffer_size_mb=8,
   * max_write_buffer_number=2, ...}.
   */
  static String values(RocksDbConfig config) {
    StringBuilder text = new StringBuilder();
    for (ConfigKey key : ConfigKey.values()) {
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append(key.tomlName()).append('=').append(key.valueIn(config));
    }
    return text.toString();
  }
}

package org.kalamdb.maven;

import org.kalamdb.config.ConfigKey;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.RocksDbConfig;

/** The words log lines use for a configuration's values and its worst case. */
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
      text.append(key.tomlName()).append('=').append(value(config, key));
    }
    return text.toString();
  }

  /** {@code worst case 944 MB for 57 column families (57 x 8 MB x 2 + 32 MB cache)}. */
  static String worstCase(RocksDbConfig config, int columnFamilies) {
    return "worst case "
        + MemoryModel.worstCaseMb(config, columnFamilies)
        + " MB for "
        + columnFamilies
        + (columnFamilies == 1 ? " column family (" : " column families (")
        + MemoryModel.formula(config, columnFamilies)
        + ")";
  }

  private static long value(RocksDbConfig config, ConfigKey key) {
    return switch (key) {
      case WRITE_BUFFER_SIZE_MB -> config.writeBufferSizeMb();
      case MAX_WRITE_BUFFER_NUMBER -> config.maxWriteBufferNumber();
      case BLOCK_CACHE_SIZE_MB -> config.blockCacheSizeMb();
      case MEMTABLE_LIMIT_MB -> config.memtableLimitMb();
    };
  }
}

package org.kalamdb.maven;

import org.kalamdb.config.ColumnFamilyProfile;
import org.kalamdb.config.ConfigKey;
import org.kalamdb.config.DbSettings;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.RocksDbConfig;

/** The words log lines use for a configuration's values. */
final class SettingsText {
  private SettingsText() {}

  /**
   * Every key with its value, as written in TOML: {@code write_buffer_size_mb=8,
   * max_write_buffer_number=2, ...}; for a KalamDB server config the keys of {@code
   * [storage.rocksdb]} in bytes, then each profile's, e.g. {@code block_cache_size=2097152, ...,
   * system_meta.write_buffer_size=32768, system_meta.max_write_buffers=2, ...}. {@link ConfigKey}
   * knows only the toolkit keys, hence the second form.
   */
  static String values(RocksDbConfig config) {
    StringBuilder text = new StringBuilder();
    if (config.dialect() == Dialect.TOOLKIT) {
      for (ConfigKey key : ConfigKey.values()) {
        append(text, key.tomlName(), key.valueIn(config));
      }
      return text.toString();
    }
    DbSettings db = config.dbSettings();
    append(text, "block_cache_size", config.blockCacheSizeBytes());
    db.maxBackgroundJobs().ifPresent(n -> append(text, "max_background_jobs", n));
    db.maxOpenFiles().ifPresent(n -> append(text, "max_open_files", n));
    append(text, "sync_writes", db.syncWrites());
    append(text, "disable_wal", db.disableWal());
    append(text, "compact_on_startup", db.compactOnStartup());
    for (ColumnFamilyProfile profile : config.profiles()) {
      append(text, profile.name() + ".write_buffer_size", profile.writeBufferSizeBytes());
      append(text, profile.name() + ".max_write_buffers", profile.maxWriteBufferNumber());
    }
    return text.toString();
  }

  private static void append(StringBuilder text, String key, Object value) {
    if (text.length() > 0) {
      text.append(", ");
    }
    text.append(key).append('=').append(value);
  }
}

package org.kalamdb.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A configuration's values under the keys its file uses, in file order, for log lines and JSON: the
 * {@link ConfigKey} names in MB for {@code [rocksdb]}; for {@code [storage.rocksdb]} the server's
 * keys in bytes, then {@code cf_profiles.<profile>.write_buffer_size} and {@code
 * .max_write_buffers} for each profile, then the legacy keys when the file still has them.
 */
public final class ConfigValues {
  private ConfigValues() {}

  /** Key (relative to the section) to value: a {@code Long}, {@code Integer} or {@code Boolean}. */
  public static Map<String, Object> of(RocksDbConfig config) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (config.dialect() == Dialect.TOOLKIT) {
      for (ConfigKey key : ConfigKey.values()) {
        values.put(key.tomlName(), key.valueIn(config));
      }
      return values;
    }
    DbSettings db = config.dbSettings();
    DbSettings defaults = DbSettings.SERVER_DEFAULTS;
    values.put("block_cache_size", config.blockCacheSizeBytes());
    values.put(
        "max_background_jobs",
        db.maxBackgroundJobs().orElse(defaults.maxBackgroundJobs().getAsInt()));
    values.put("max_open_files", db.maxOpenFiles().orElse(defaults.maxOpenFiles().getAsInt()));
    values.put("sync_writes", db.syncWrites());
    values.put("disable_wal", db.disableWal());
    values.put("compact_on_startup", db.compactOnStartup());
    for (ColumnFamilyProfile profile : config.profiles()) {
      String prefix = ServerKey.CF_PROFILES.tomlName() + "." + profile.name() + ".";
      values.put(prefix + ServerKey.WRITE_BUFFER_SIZE.tomlName(), profile.writeBufferSizeBytes());
      values.put(prefix + ServerKey.MAX_WRITE_BUFFERS.tomlName(), profile.maxWriteBufferNumber());
    }
    config
        .legacyProfile()
        .ifPresent(
            legacy -> {
              values.put(ServerKey.WRITE_BUFFER_SIZE.tomlName(), legacy.writeBufferSizeBytes());
              values.put(ServerKey.MAX_WRITE_BUFFERS.tomlName(), legacy.maxWriteBufferNumber());
            });
    return values;
  }

  /** The values as {@code key=value} pairs joined by {@code ", "}. */
  public static String text(RocksDbConfig config) {
    StringBuilder text = new StringBuilder();
    of(config)
        .forEach(
            (key, value) -> {
              if (text.length() > 0) {
                text.append(", ");
              }
              text.append(key).append('=').append(value);
            });
    return text.toString();
  }
}

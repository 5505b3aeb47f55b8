package org.kalamdb.cli.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.kalamdb.config.ColumnFamilyProfile;
import org.kalamdb.config.ConfigKey;
import org.kalamdb.config.DbSettings;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.RocksDbConfig;

/**
 * A configuration's values as {@code --json} prints them, under the names the file uses: the {@link
 * ConfigKey} names in MB for {@code [rocksdb]}; for {@code [storage.rocksdb]} the server's keys in
 * bytes, each profile's values under {@code cf_profiles}, and the legacy keys under {@code legacy}
 * when the file has them. {@link ConfigKey} knows only the toolkit keys, hence this.
 */
final class ConfigValues {
  private ConfigValues() {}

  static Map<String, Object> of(RocksDbConfig config) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (config.dialect() == Dialect.TOOLKIT) {
      for (ConfigKey key : ConfigKey.values()) {
        values.put(key.tomlName(), key.valueIn(config));
      }
      return values;
    }
    DbSettings db = config.dbSettings();
    values.put("block_cache_size", config.blockCacheSizeBytes());
    values.put("max_background_jobs", orNull(db.maxBackgroundJobs()));
    values.put("max_open_files", orNull(db.maxOpenFiles()));
    values.put("sync_writes", db.syncWrites());
    values.put("disable_wal", db.disableWal());
    values.put("compact_on_startup", db.compactOnStartup());
    Map<String, Object> profiles = new LinkedHashMap<>();
    for (ColumnFamilyProfile profile : config.profiles()) {
      profiles.put(profile.name(), profileValues(profile));
    }
    values.put("cf_profiles", profiles);
    config.legacyProfile().ifPresent(legacy -> values.put("legacy", profileValues(legacy)));
    return values;
  }

  private static Map<String, Long> profileValues(ColumnFamilyProfile profile) {
    Map<String, Long> values = new LinkedHashMap<>();
    values.put("write_buffer_size", profile.writeBufferSizeBytes());
    values.put("max_write_buffers", (long) profile.maxWriteBufferNumber());
    return values;
  }

  private static Integer orNull(OptionalInt value) {
    return value.isPresent() ? value.getAsInt() : null;
  }
}

package org.kalamdb.cli.measure;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.kalamdb.config.ColumnFamilyProfile;
import org.kalamdb.config.DbSettings;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.RocksDbConfig;

/**
 * A {@link RocksDbConfig} as the worker's request carries it. The config itself holds {@link
 * Optional} and {@link OptionalInt} values, which plain Jackson refuses; this holds the same values
 * as nullable fields, so the worker opens exactly the store the parent checked.
 *
 * @param dialect the dialect id
 * @param blockCacheSizeBytes the shared block cache
 * @param memtableLimitBytes the memtable cap, 0 for none
 * @param profiles the column-family profiles
 * @param maxBackgroundJobs or {@code null} for the store's choice
 * @param maxOpenFiles or {@code null} for the store's choice
 * @param syncWrites every write waits for its fsync
 * @param disableWal writes skip the write-ahead log
 * @param compactOnStartup compact every column family on open
 * @param legacyProfile a server file's legacy keys, or {@code null}
 */
record ConfigJson(
    String dialect,
    long blockCacheSizeBytes,
    long memtableLimitBytes,
    List<ColumnFamilyProfile> profiles,
    Integer maxBackgroundJobs,
    Integer maxOpenFiles,
    boolean syncWrites,
    boolean disableWal,
    boolean compactOnStartup,
    ColumnFamilyProfile legacyProfile) {

  static ConfigJson of(RocksDbConfig config) {
    DbSettings db = config.dbSettings();
    return new ConfigJson(
        config.dialect().id(),
        config.blockCacheSizeBytes(),
        config.memtableLimitBytes(),
        config.profiles(),
        boxed(db.maxBackgroundJobs()),
        boxed(db.maxOpenFiles()),
        db.syncWrites(),
        db.disableWal(),
        db.compactOnStartup(),
        config.legacyProfile().orElse(null));
  }

  RocksDbConfig toConfig() {
    return new RocksDbConfig(
        Dialect.parse(dialect),
        blockCacheSizeBytes,
        memtableLimitBytes,
        profiles,
        new DbSettings(
            unboxed(maxBackgroundJobs),
            unboxed(maxOpenFiles),
            syncWrites,
            disableWal,
            compactOnStartup),
        Optional.ofNullable(legacyProfile));
  }

  private static Integer boxed(OptionalInt value) {
    return value.isPresent() ? value.getAsInt() : null;
  }

  private static OptionalInt unboxed(Integer value) {
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }
}

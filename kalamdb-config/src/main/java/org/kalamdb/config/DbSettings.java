package org.kalamdb.config;

import java.util.OptionalInt;

/**
 * Database-wide settings that a KalamDB server file gives ({@code [storage.rocksdb]}). The toolkit
 * dialect has none of them ({@link #NONE}): a store then chooses its background jobs and open-file
 * limit by its own rules.
 *
 * @param maxBackgroundJobs RocksDB's {@code max_background_jobs}, or empty for the store's choice
 * @param maxOpenFiles RocksDB's {@code max_open_files} ({@code -1}: every table file stays open),
 *     or empty for the store's choice
 * @param syncWrites every write waits for its fsync
 * @param disableWal writes skip the write-ahead log
 * @param compactOnStartup the store compacts every column family when it opens
 */
public record DbSettings(
    OptionalInt maxBackgroundJobs,
    OptionalInt maxOpenFiles,
    boolean syncWrites,
    boolean disableWal,
    boolean compactOnStartup) {

  /** No setting given: the toolkit dialect. */
  public static final DbSettings NONE =
      new DbSettings(OptionalInt.empty(), OptionalInt.empty(), false, false, false);

  /** A KalamDB server's defaults: 4 background jobs, 512 open files, no sync, WAL on. */
  public static final DbSettings SERVER_DEFAULTS =
      new DbSettings(OptionalInt.of(4), OptionalInt.of(512), false, false, false);

  public DbSettings {
    java.util.Objects.requireNonNull(maxBackgroundJobs, "maxBackgroundJobs");
    java.util.Objects.requireNonNull(maxOpenFiles, "maxOpenFiles");
  }
}

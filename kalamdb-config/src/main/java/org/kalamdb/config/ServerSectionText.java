package org.kalamdb.config;

import java.util.ArrayList;
import java.util.List;
import org.kalamdb.config.TableText.Key;

/**
 * The commented {@code [storage.rocksdb]} section of a KalamDB {@code server.toml} and its five
 * profile tables, as {@link ConfigWriter} writes them. Every key the server reads is written, so
 * the file says what runs.
 */
final class ServerSectionText {
  private ServerSectionText() {}

  static String render(RocksDbConfig config, String eol) {
    return TableText.render(tables(config), eol);
  }

  /** The section table, then one table per profile. */
  static List<TableText> tables(RocksDbConfig config) {
    DbSettings db = config.dbSettings();
    DbSettings defaults = DbSettings.SERVER_DEFAULTS;
    List<TableText> tables = new ArrayList<>();
    tables.add(
        new TableText(
            List.of("storage", "rocksdb"),
            List.of(
                Key.commented(
                    "block_cache_size",
                    config.blockCacheSizeBytes(),
                    "One LRU block cache shared by every column family, in bytes."),
                Key.commented(
                    "max_background_jobs",
                    db.maxBackgroundJobs().orElse(defaults.maxBackgroundJobs().getAsInt()),
                    "Background flush and compaction jobs."),
                Key.commented(
                    "max_open_files",
                    db.maxOpenFiles().orElse(defaults.maxOpenFiles().getAsInt()),
                    "Table files kept open; -1 keeps every one (their readers grow with the"
                        + " files)."),
                Key.commented(
                    "sync_writes",
                    db.syncWrites(),
                    "Wait for an fsync of the write-ahead log on every write."),
                Key.commented(
                    "disable_wal",
                    db.disableWal(),
                    "Skip the write-ahead log: a crash loses every write since the last flush."),
                Key.commented(
                    "compact_on_startup",
                    db.compactOnStartup(),
                    "Compact every column family when the server starts."))));
    for (ColumnFamilyProfile profile : config.profiles()) {
      tables.add(
          new TableText(
              List.of("storage", "rocksdb", "cf_profiles", profile.name()),
              List.of(
                  Key.commented(
                      ServerKey.WRITE_BUFFER_SIZE.tomlName(),
                      profile.writeBufferSizeBytes(),
                      "Memtable size of each column family of this profile, in bytes (at least"
                          + " 65536), and memtables each may hold."),
                  // Covered by the comment above in a full render; its own when added alone.
                  new Key(
                      ServerKey.MAX_WRITE_BUFFERS.tomlName(),
                      String.valueOf(profile.maxWriteBufferNumber()),
                      "Memtables each column family of this profile may hold.",
                      false))));
    }
    return tables;
  }
}

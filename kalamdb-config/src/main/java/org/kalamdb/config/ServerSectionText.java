package org.kalamdb.config;

/**
 * The commented {@code [storage.rocksdb]} section of a KalamDB {@code server.toml} and its five
 * profile tables, as {@link ConfigWriter} writes them. Every key the server reads is written, so
 * the file says what runs.
 */
final class ServerSectionText {
  private static final String SECTION = "storage.rocksdb";

  private ServerSectionText() {}

  static String render(RocksDbConfig config, String eol) {
    DbSettings db = config.dbSettings();
    DbSettings defaults = DbSettings.SERVER_DEFAULTS;
    StringBuilder out = new StringBuilder("[" + SECTION + "]").append(eol);
    line(out, eol, "One LRU block cache shared by every column family, in bytes.");
    value(out, eol, "block_cache_size", config.blockCacheSizeBytes());
    line(out, eol, "Background flush and compaction jobs.");
    value(
        out,
        eol,
        "max_background_jobs",
        db.maxBackgroundJobs().orElse(defaults.maxBackgroundJobs().getAsInt()));
    line(
        out, eol, "Table files kept open; -1 keeps every one (their readers grow with the files).");
    value(out, eol, "max_open_files", db.maxOpenFiles().orElse(defaults.maxOpenFiles().getAsInt()));
    line(out, eol, "Wait for an fsync of the write-ahead log on every write.");
    value(out, eol, "sync_writes", db.syncWrites());
    line(out, eol, "Skip the write-ahead log: a crash loses every write since the last flush.");
    value(out, eol, "disable_wal", db.disableWal());
    line(out, eol, "Compact every column family when the server starts.");
    value(out, eol, "compact_on_startup", db.compactOnStartup());
    for (ColumnFamilyProfile profile : config.profiles()) {
      out.append(eol).append("[" + SECTION + ".cf_profiles.").append(profile.name()).append(']');
      out.append(eol);
      line(
          out,
          eol,
          "Memtable size of each column family of this profile, in bytes (at least 65536),"
              + " and memtables each may hold.");
      value(out, eol, ServerSection.WRITE_BUFFER_SIZE, profile.writeBufferSizeBytes());
      value(out, eol, ServerSection.MAX_WRITE_BUFFERS, profile.maxWriteBufferNumber());
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String eol, String comment) {
    out.append("# ").append(comment).append(eol);
  }

  private static void value(StringBuilder out, String eol, String key, Object value) {
    out.append(key).append(" = ").append(value).append(eol);
  }
}

package org.kalamdb.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Reads the {@code [storage.rocksdb]} section of a KalamDB {@code server.toml} (the {@code
 * kalamdb-server} dialect) into a {@link RocksDbConfig}, and finds what the server itself lets
 * through without a word: unknown keys and profiles, negative sizes and counts, profile tables with
 * one key of two, the legacy keys it stopped reading, and values RocksDB silently raises.
 *
 * <p>Values that are wrong are left out, so the server's defaults stand in for them.
 */
final class ServerSection implements SectionReader {
  static final String PROFILES = "cf_profiles";
  static final String WRITE_BUFFER_SIZE = "write_buffer_size";
  static final String MAX_WRITE_BUFFERS = "max_write_buffers";
  private static final String SECTION = "storage.rocksdb";
  private static final List<String> DB_KEYS =
      List.of(
          "block_cache_size",
          "max_background_jobs",
          "max_open_files",
          "sync_writes",
          "disable_wal",
          "compact_on_startup");
  private static final List<String> LEGACY_KEYS = List.of(WRITE_BUFFER_SIZE, MAX_WRITE_BUFFERS);
  private static final List<String> PROFILE_KEYS = List.of(WRITE_BUFFER_SIZE, MAX_WRITE_BUFFERS);

  /** The legacy keys' values when a file gives only one of them: the last release's defaults. */
  private static final long LEGACY_WRITE_BUFFER_DEFAULT = 512 << 10;

  private static final int LEGACY_BUFFERS_DEFAULT = 2;

  private final TomlParseResult toml;
  private final SourceText source;
  private final String file;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final Map<String, ColumnFamilyProfile> profiles = new LinkedHashMap<>();
  private boolean present;

  ServerSection(TomlParseResult toml, SourceText source, String file) {
    this.toml = toml;
    this.source = source;
    this.file = file;
  }

  @Override
  public ServerSection run() {
    Object section = toml.get(Dialect.KALAMDB_SERVER.sectionPath());
    if (section == null) {
      return this;
    }
    present = true;
    if (!(section instanceof TomlTable table)) {
      Location at = Location.of(toml.inputPositionOf(Dialect.KALAMDB_SERVER.sectionPath()));
      error(
          at,
          SECTION,
          "storage.rocksdb must be a table ([storage.rocksdb] or storage.rocksdb.key = ...), got "
              + ValueDescription.of(section));
      return this;
    }
    for (String name : table.keySet()) {
      Location keyAt = Location.of(table.inputPositionOf(List.of(name)));
      Object value = table.get(List.of(name));
      if (name.equals(PROFILES)) {
        readProfiles(value, keyAt);
      } else if (DB_KEYS.contains(name) || LEGACY_KEYS.contains(name)) {
        readDbKey(name, value, source.valueAt(keyAt));
      } else {
        List<String> known = new ArrayList<>(DB_KEYS);
        known.add(PROFILES);
        unknown(keyAt, SECTION + "." + name, "key '" + name + "' in [storage.rocksdb]", known);
      }
    }
    warnLegacy(table);
    warnSyncWithoutWal(table);
    return this;
  }

  /** RocksDB refuses a write that asks for an fsync of a log it does not write. */
  private void warnSyncWithoutWal(TomlTable table) {
    if (Boolean.TRUE.equals(values.get("sync_writes"))
        && Boolean.TRUE.equals(values.get("disable_wal"))) {
      Location at = source.valueAt(Location.of(table.inputPositionOf(List.of("sync_writes"))));
      warning(
          at,
          SECTION + ".sync_writes",
          "sync_writes = true with disable_wal = true: RocksDB rejects every write that asks for a"
              + " sync without the write-ahead log (\"Sync writes has to enable WAL\"); turn one"
              + " of them off (the toolkit's stores write without sync then)");
    }
  }

  private void readDbKey(String name, Object value, Location at) {
    String key = SECTION + "." + name;
    Optional<Object> checked =
        switch (name) {
          case "block_cache_size", WRITE_BUFFER_SIZE -> unsigned(name, key, value, at);
          case "max_background_jobs" -> count(name, key, value, at, 0);
          case "max_open_files" -> count(name, key, value, at, -1);
          case MAX_WRITE_BUFFERS -> count(name, key, value, at, 0);
          default -> bool(name, key, value, at);
        };
    checked.ifPresent(v -> values.put(name, v));
    if (checked.isEmpty()) {
      return;
    }
    Object v = checked.get();
    if (name.equals("max_open_files") && v.equals(-1)) {
      warning(
          at,
          key,
          "max_open_files = -1 keeps every table file open: table readers live outside the block"
              + " cache and grow with the SST count (7.7 MB at 3,470 files measured, see the"
              + " manual's docs/hard-cap.md), and file handles can run out");
    } else if (name.equals("max_open_files") && (int) v < 20) {
      warning(
          at,
          key,
          "max_open_files = " + v + " is raised to 20 by RocksDB; write 20 to say what runs");
    } else if (name.equals("max_background_jobs") && v.equals(0)) {
      warning(
          at,
          key,
          "max_background_jobs = 0 still runs 1 flush and 1 compaction at a time in RocksDB;"
              + " write 2 to say what runs");
    } else if (name.equals("disable_wal") && v.equals(true)) {
      warning(
          at,
          key,
          "disable_wal = true: writes skip the write-ahead log, so a crash loses every write"
              + " since the last flush");
    } else if (name.equals("sync_writes") && v.equals(true)) {
      warning(
          at,
          key,
          "sync_writes = true: every write waits for an fsync of the write-ahead log, which"
              + " makes writes many times slower");
    }
  }

  /** One warning per legacy key: the server reads profiles instead since 2026-03. */
  private void warnLegacy(TomlTable table) {
    Optional<ColumnFamilyProfile> legacy = legacyProfile();
    if (legacy.isEmpty()) {
      return;
    }
    ColumnFamilyProfile profile = legacy.get();
    String lines =
        "[storage.rocksdb.cf_profiles.<profile>] write_buffer_size = "
            + profile.writeBufferSizeBytes()
            + " and max_write_buffers = "
            + profile.maxWriteBufferNumber()
            + " for each of "
            + String.join(", ", ServerLayout.profileNames());
    for (String name : LEGACY_KEYS) {
      if (table.contains(List.of(name))) {
        Location at = Location.of(table.inputPositionOf(List.of(name)));
        warning(
            at,
            SECTION + "." + name,
            name
                + " under [storage.rocksdb] is ignored by KalamDB releases since "
                + ServerLayout.PROFILES_SINCE
                + ", which read the per-column-family profiles instead; to keep it, write "
                + lines);
      }
    }
  }

  private void readProfiles(Object value, Location keyAt) {
    String key = SECTION + "." + PROFILES;
    if (!(value instanceof TomlTable table)) {
      error(
          source.valueAt(keyAt),
          key,
          "cf_profiles must be a table of profiles ("
              + String.join(", ", ServerLayout.profileNames())
              + "), got "
              + ValueDescription.of(value));
      return;
    }
    for (String name : table.keySet()) {
      Location at = Location.of(table.inputPositionOf(List.of(name)));
      String profileKey = key + "." + name;
      if (!ServerLayout.profileNames().contains(name)) {
        unknown(
            at,
            profileKey,
            "profile '" + name + "' in [storage.rocksdb.cf_profiles]",
            ServerLayout.profileNames());
        continue;
      }
      Object profile = table.get(List.of(name));
      if (!(profile instanceof TomlTable profileTable)) {
        error(
            source.valueAt(at),
            profileKey,
            "profile "
                + name
                + " must be a table with write_buffer_size and max_write_buffers, got "
                + ValueDescription.of(profile));
        continue;
      }
      readProfile(name, profileTable, at);
    }
  }

  private void readProfile(String name, TomlTable table, Location headerAt) {
    String prefix = SECTION + "." + PROFILES + "." + name;
    Long size = null;
    Integer buffers = null;
    boolean valid = true;
    for (String key : table.keySet()) {
      Location keyAt = Location.of(table.inputPositionOf(List.of(key)));
      Location at = source.valueAt(keyAt);
      Object value = table.get(List.of(key));
      if (key.equals(WRITE_BUFFER_SIZE)) {
        Optional<Object> v = unsigned(key, prefix + "." + key, value, at);
        size = (Long) v.orElse(null);
        valid &= v.isPresent();
        if (size != null && size < ColumnFamilyProfile.MIN_WRITE_BUFFER_BYTES) {
          warning(
              at,
              prefix + "." + key,
              "write_buffer_size = "
                  + size
                  + " of profile "
                  + name
                  + " is raised to "
                  + ColumnFamilyProfile.MIN_WRITE_BUFFER_BYTES
                  + " (64 KiB) by RocksDB; write "
                  + ColumnFamilyProfile.MIN_WRITE_BUFFER_BYTES
                  + " to say what runs");
        }
      } else if (key.equals(MAX_WRITE_BUFFERS)) {
        Optional<Object> v = count(key, prefix + "." + key, value, at, 0);
        buffers = (Integer) v.orElse(null);
        valid &= v.isPresent();
        if (buffers != null && buffers < ColumnFamilyProfile.MIN_WRITE_BUFFERS) {
          warning(
              at,
              prefix + "." + key,
              "max_write_buffers = "
                  + buffers
                  + " of profile "
                  + name
                  + " is raised to 2 by RocksDB; write 2 to say what runs");
        }
      } else {
        unknown(keyAt, prefix + "." + key, "key '" + key + "' in profile " + name, PROFILE_KEYS);
      }
    }
    boolean hasSize = table.contains(List.of(WRITE_BUFFER_SIZE));
    boolean hasBuffers = table.contains(List.of(MAX_WRITE_BUFFERS));
    if (!hasSize || !hasBuffers) {
      String missing =
          !hasSize && !hasBuffers
              ? "neither write_buffer_size nor max_write_buffers"
              : "no " + (hasSize ? MAX_WRITE_BUFFERS : WRITE_BUFFER_SIZE);
      ColumnFamilyProfile fallback = ServerLayout.defaultProfile(name).orElseThrow();
      error(
          headerAt,
          prefix,
          "profile "
              + name
              + " gives "
              + missing
              + ": the server will not start (a profile needs both keys); add "
              + (hasSize ? "" : "write_buffer_size = " + fallback.writeBufferSizeBytes())
              + (!hasSize && !hasBuffers ? " and " : "")
              + (hasBuffers ? "" : "max_write_buffers = " + fallback.maxWriteBufferNumber())
              + ", or remove the table for the defaults");
      return;
    }
    if (valid && size != null && buffers != null) {
      profiles.put(name, new ColumnFamilyProfile(name, size, buffers));
    }
  }

  private Optional<Object> unsigned(String name, String key, Object value, Location at) {
    if (!(value instanceof Long number)) {
      error(at, key, name + " must be an integer number of bytes >= 0, got " + describe(value));
      return Optional.empty();
    }
    if (number < 0) {
      error(
          at,
          key,
          name
              + " must be an integer number of bytes >= 0, got "
              + number
              + ": the server fails to parse a negative size and will not start");
      return Optional.empty();
    }
    return Optional.of(number);
  }

  /** A 32-bit count; {@code minimum} is 0, or -1 where -1 means unlimited. */
  private Optional<Object> count(String name, String key, Object value, Location at, int minimum) {
    String range = "an integer >= " + minimum;
    if (!(value instanceof Long number)) {
      error(at, key, name + " must be " + range + ", got " + describe(value));
      return Optional.empty();
    }
    if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
      error(
          at,
          key,
          name
              + " must fit a 32-bit signed integer (at most "
              + Integer.MAX_VALUE
              + "), got "
              + number
              + ": the server will not start");
      return Optional.empty();
    }
    if (number < minimum) {
      error(
          at,
          key,
          name
              + " must be "
              + range
              + ", got "
              + number
              + ": the server would start with it and hand it to RocksDB");
      return Optional.empty();
    }
    return Optional.of(number.intValue());
  }

  private Optional<Object> bool(String name, String key, Object value, Location at) {
    if (!(value instanceof Boolean)) {
      error(at, key, name + " must be true or false, got " + describe(value));
      return Optional.empty();
    }
    return Optional.of(value);
  }

  private static String describe(Object value) {
    return ValueDescription.of(value);
  }

  private void unknown(Location at, String key, String what, List<String> known) {
    String name = key.substring(key.lastIndexOf('.') + 1);
    String hint =
        KeySuggestion.closest(name, known)
            .map(s -> "; did you mean '" + s + "'?")
            .orElse("; known: " + String.join(", ", known));
    error(at, key, "unknown " + what + " (the server ignores it without a word)" + hint);
  }

  private void error(Location at, String key, String message) {
    diagnostics.add(at.diagnostic(file, Severity.ERROR, key, message));
  }

  private void warning(Location at, String key, String message) {
    diagnostics.add(at.diagnostic(file, Severity.WARNING, key, message));
  }

  private Optional<ColumnFamilyProfile> legacyProfile() {
    if (!values.containsKey(WRITE_BUFFER_SIZE) && !values.containsKey(MAX_WRITE_BUFFERS)) {
      return Optional.empty();
    }
    long size = (Long) values.getOrDefault(WRITE_BUFFER_SIZE, LEGACY_WRITE_BUFFER_DEFAULT);
    int buffers = (Integer) values.getOrDefault(MAX_WRITE_BUFFERS, LEGACY_BUFFERS_DEFAULT);
    return Optional.of(new ColumnFamilyProfile("legacy", size, buffers));
  }

  @Override
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  @Override
  public boolean present() {
    return present;
  }

  @Override
  public RocksDbConfig config() {
    RocksDbConfig defaults = RocksDbConfig.serverDefaults();
    DbSettings d = defaults.dbSettings();
    DbSettings db =
        new DbSettings(
            intValue("max_background_jobs", d.maxBackgroundJobs()),
            intValue("max_open_files", d.maxOpenFiles()),
            (Boolean) values.getOrDefault("sync_writes", d.syncWrites()),
            (Boolean) values.getOrDefault("disable_wal", d.disableWal()),
            (Boolean) values.getOrDefault("compact_on_startup", d.compactOnStartup()));
    long cache = (Long) values.getOrDefault("block_cache_size", defaults.blockCacheSizeBytes());
    return new RocksDbConfig(
        Dialect.KALAMDB_SERVER,
        cache,
        0,
        defaults.withProfiles(List.copyOf(profiles.values())).profiles(),
        db,
        legacyProfile());
  }

  private OptionalInt intValue(String name, OptionalInt fallback) {
    Object value = values.get(name);
    return value == null ? fallback : OptionalInt.of((Integer) value);
  }

  @Override
  public Map<ConfigKey, Location> valuePositions() {
    return Map.of();
  }
}

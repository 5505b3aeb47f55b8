package org.kalamdb.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
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
  private static final String SECTION = "storage.rocksdb";

  /** The legacy keys' values when a file gives only one of them: the last release's defaults. */
  private static final long LEGACY_WRITE_BUFFER_DEFAULT = 512 << 10;

  private static final int LEGACY_BUFFERS_DEFAULT = 2;

  private final TomlParseResult toml;
  private final SourceText source;
  private final String file;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  /** The valid values of {@link ServerKey.Kind#BYTES} and {@link ServerKey.Kind#COUNT} keys. */
  private final Map<ServerKey, Long> numbers = new EnumMap<>(ServerKey.class);

  /** The valid values of {@link ServerKey.Kind#FLAG} keys. */
  private final Map<ServerKey, Boolean> flags = new EnumMap<>(ServerKey.class);

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
      Optional<ServerKey> known = ServerKey.inSection(name);
      if (known.isEmpty()) {
        unknown(
            keyAt,
            SECTION + "." + name,
            "key '" + name + "' in [storage.rocksdb]",
            ServerKey.sectionNames());
        continue;
      }
      ServerKey key = known.get();
      switch (key.kind()) {
        case PROFILES -> readProfiles(value, keyAt);
        case FLAG -> readFlag(key, value, source.valueAt(keyAt));
        case BYTES, COUNT -> readNumber(key, value, source.valueAt(keyAt));
      }
    }
    warnLegacy(table);
    warnSyncWithoutWal(table);
    return this;
  }

  /** RocksDB refuses a write that asks for an fsync of a log it does not write. */
  private void warnSyncWithoutWal(TomlTable table) {
    if (Boolean.TRUE.equals(flags.get(ServerKey.SYNC_WRITES))
        && Boolean.TRUE.equals(flags.get(ServerKey.DISABLE_WAL))) {
      List<String> path = List.of(ServerKey.SYNC_WRITES.tomlName());
      Location at = source.valueAt(Location.of(table.inputPositionOf(path)));
      warning(
          at,
          SECTION + ".sync_writes",
          "sync_writes = true with disable_wal = true: RocksDB rejects every write that asks for a"
              + " sync without the write-ahead log (\"Sync writes has to enable WAL\"); turn one"
              + " of them off (the toolkit's stores write without sync then)");
    }
  }

  private void readNumber(ServerKey key, Object value, Location at) {
    String dotted = SECTION + "." + key.tomlName();
    OptionalLong checked = number(key, dotted, value, at);
    if (checked.isEmpty()) {
      return;
    }
    long number = checked.getAsLong();
    numbers.put(key, number);
    ServerValueWarnings.of(key, number).ifPresent(message -> warning(at, dotted, message));
  }

  private void readFlag(ServerKey key, Object value, Location at) {
    String dotted = SECTION + "." + key.tomlName();
    if (!(value instanceof Boolean flag)) {
      error(at, dotted, key.tomlName() + " must be true or false, got " + describe(value));
      return;
    }
    flags.put(key, flag);
    ServerValueWarnings.of(key, flag).ifPresent(message -> warning(at, dotted, message));
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
    for (ServerKey key : ServerKey.legacyKeys()) {
      String name = key.tomlName();
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
    String key = SECTION + "." + ServerKey.CF_PROFILES.tomlName();
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
    String prefix = SECTION + "." + ServerKey.CF_PROFILES.tomlName() + "." + name;
    Map<ServerKey, Long> given = new EnumMap<>(ServerKey.class);
    boolean valid = true;
    for (String keyName : table.keySet()) {
      Location keyAt = Location.of(table.inputPositionOf(List.of(keyName)));
      String dotted = prefix + "." + keyName;
      Optional<ServerKey> known = ServerKey.inProfile(keyName);
      if (known.isEmpty()) {
        unknown(
            keyAt, dotted, "key '" + keyName + "' in profile " + name, ServerKey.profileNames());
        continue;
      }
      Location at = source.valueAt(keyAt);
      OptionalLong checked = number(known.get(), dotted, table.get(List.of(keyName)), at);
      valid &= checked.isPresent();
      if (checked.isPresent()) {
        given.put(known.get(), checked.getAsLong());
        ServerValueWarnings.inProfile(name, known.get(), checked.getAsLong())
            .ifPresent(message -> warning(at, dotted, message));
      }
    }
    boolean hasSize = table.contains(List.of(ServerKey.WRITE_BUFFER_SIZE.tomlName()));
    boolean hasBuffers = table.contains(List.of(ServerKey.MAX_WRITE_BUFFERS.tomlName()));
    if (!hasSize || !hasBuffers) {
      String missing =
          !hasSize && !hasBuffers
              ? "neither write_buffer_size nor max_write_buffers"
              : "no "
                  + (hasSize ? ServerKey.MAX_WRITE_BUFFERS : ServerKey.WRITE_BUFFER_SIZE)
                      .tomlName();
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
    if (valid && given.size() == 2) {
      profiles.put(
          name,
          new ColumnFamilyProfile(
              name,
              given.get(ServerKey.WRITE_BUFFER_SIZE),
              Math.toIntExact(given.get(ServerKey.MAX_WRITE_BUFFERS))));
    }
  }

  /** A {@link ServerKey.Kind#BYTES} or {@link ServerKey.Kind#COUNT} value, checked. */
  private OptionalLong number(ServerKey key, String dotted, Object value, Location at) {
    return key.kind() == ServerKey.Kind.BYTES
        ? unsigned(key.tomlName(), dotted, value, at)
        : count(key.tomlName(), dotted, value, at, key.minimum());
  }

  private OptionalLong unsigned(String name, String key, Object value, Location at) {
    if (!(value instanceof Long number)) {
      error(at, key, name + " must be an integer number of bytes >= 0, got " + describe(value));
      return OptionalLong.empty();
    }
    if (number < 0) {
      error(
          at,
          key,
          name
              + " must be an integer number of bytes >= 0, got "
              + number
              + ": the server fails to parse a negative size and will not start");
      return OptionalLong.empty();
    }
    return OptionalLong.of(number);
  }

  /** A 32-bit count; {@code minimum} is 0, or -1 where -1 means unlimited. */
  private OptionalLong count(String name, String key, Object value, Location at, int minimum) {
    String range = "an integer >= " + minimum;
    if (!(value instanceof Long number)) {
      error(at, key, name + " must be " + range + ", got " + describe(value));
      return OptionalLong.empty();
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
      return OptionalLong.empty();
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
      return OptionalLong.empty();
    }
    return OptionalLong.of(number);
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
    if (!numbers.containsKey(ServerKey.WRITE_BUFFER_SIZE)
        && !numbers.containsKey(ServerKey.MAX_WRITE_BUFFERS)) {
      return Optional.empty();
    }
    long size = numbers.getOrDefault(ServerKey.WRITE_BUFFER_SIZE, LEGACY_WRITE_BUFFER_DEFAULT);
    int buffers =
        count(ServerKey.MAX_WRITE_BUFFERS, OptionalInt.of(LEGACY_BUFFERS_DEFAULT)).getAsInt();
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
            count(ServerKey.MAX_BACKGROUND_JOBS, d.maxBackgroundJobs()),
            count(ServerKey.MAX_OPEN_FILES, d.maxOpenFiles()),
            flags.getOrDefault(ServerKey.SYNC_WRITES, d.syncWrites()),
            flags.getOrDefault(ServerKey.DISABLE_WAL, d.disableWal()),
            flags.getOrDefault(ServerKey.COMPACT_ON_STARTUP, d.compactOnStartup()));
    long cache = numbers.getOrDefault(ServerKey.BLOCK_CACHE_SIZE, defaults.blockCacheSizeBytes());
    return new RocksDbConfig(
        Dialect.KALAMDB_SERVER,
        cache,
        0,
        defaults.withProfiles(List.copyOf(profiles.values())).profiles(),
        db,
        legacyProfile());
  }

  /** A count key's valid value (checked to fit an int), or {@code fallback}. */
  private OptionalInt count(ServerKey key, OptionalInt fallback) {
    Long value = numbers.get(key);
    return value == null ? fallback : OptionalInt.of(Math.toIntExact(value));
  }

  @Override
  public Map<ConfigKey, Location> valuePositions() {
    return Map.of();
  }
}

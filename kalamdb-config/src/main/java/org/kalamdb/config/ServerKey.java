package org.kalamdb.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The keys of a KalamDB {@code server.toml}'s {@code [storage.rocksdb]} section and of its profile
 * tables: name, type, range and where each may be written. {@link ServerSection} checks every key
 * through this table, as {@link SectionCheck} does through {@link ConfigKey}.
 *
 * <p>The order is the order of the "known" lists in unknown-key diagnostics.
 */
enum ServerKey {
  BLOCK_CACHE_SIZE("block_cache_size", Kind.BYTES, 0, Place.SECTION),
  MAX_BACKGROUND_JOBS("max_background_jobs", Kind.COUNT, 0, Place.SECTION),
  /** -1 means unlimited to RocksDB. */
  MAX_OPEN_FILES("max_open_files", Kind.COUNT, -1, Place.SECTION),
  SYNC_WRITES("sync_writes", Kind.FLAG, 0, Place.SECTION),
  DISABLE_WAL("disable_wal", Kind.FLAG, 0, Place.SECTION),
  COMPACT_ON_STARTUP("compact_on_startup", Kind.FLAG, 0, Place.SECTION),
  CF_PROFILES("cf_profiles", Kind.PROFILES, 0, Place.SECTION),
  /** A profile's key, and a legacy key of the section that releases since 2026-03 ignore. */
  WRITE_BUFFER_SIZE("write_buffer_size", Kind.BYTES, 0, Place.PROFILE_AND_LEGACY),
  /** A profile's key, and a legacy key of the section that releases since 2026-03 ignore. */
  MAX_WRITE_BUFFERS("max_write_buffers", Kind.COUNT, 0, Place.PROFILE_AND_LEGACY);

  /** What a key's value is. */
  enum Kind {
    /** An integer number of bytes >= 0 (the server reads a 64-bit unsigned size). */
    BYTES,
    /** A 32-bit signed integer >= the key's minimum. */
    COUNT,
    /** true or false. */
    FLAG,
    /** The table of column-family profiles. */
    PROFILES
  }

  /** Where a key may be written. */
  private enum Place {
    /** Directly under {@code [storage.rocksdb]}. */
    SECTION,
    /** In each profile table, and (ignored by the server, so warned about) under the section. */
    PROFILE_AND_LEGACY
  }

  private final String tomlName;
  private final Kind kind;
  private final int minimum;
  private final Place place;

  ServerKey(String tomlName, Kind kind, int minimum, Place place) {
    this.tomlName = tomlName;
    this.kind = kind;
    this.minimum = minimum;
    this.place = place;
  }

  /** The key as written in TOML, e.g. {@code max_open_files}. */
  String tomlName() {
    return tomlName;
  }

  Kind kind() {
    return kind;
  }

  /** The smallest valid value of a {@link Kind#BYTES} or {@link Kind#COUNT} key. */
  int minimum() {
    return minimum;
  }

  /** Whether the server stopped reading this key under the section itself. */
  boolean legacy() {
    return place == Place.PROFILE_AND_LEGACY;
  }

  /** The key written directly under {@code [storage.rocksdb]}, current or legacy. */
  static Optional<ServerKey> inSection(String name) {
    return Arrays.stream(values()).filter(k -> k.tomlName.equals(name)).findFirst();
  }

  /** The key written in a profile table. */
  static Optional<ServerKey> inProfile(String name) {
    return inSection(name).filter(ServerKey::legacy);
  }

  /** The keys the section's unknown-key diagnostic suggests: every current one. */
  static List<String> sectionNames() {
    return Arrays.stream(values()).filter(k -> !k.legacy()).map(ServerKey::tomlName).toList();
  }

  /** The keys of a profile table. */
  static List<String> profileNames() {
    return Arrays.stream(values()).filter(ServerKey::legacy).map(ServerKey::tomlName).toList();
  }

  /** The legacy keys under the section, in the order their warnings come. */
  static List<ServerKey> legacyKeys() {
    return Arrays.stream(values()).filter(ServerKey::legacy).toList();
  }
}

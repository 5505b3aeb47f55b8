package org.kalamdb.config;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The RocksDB settings of a configuration file, in either {@link Dialect}: one model that stores,
 * checks and the memory model read, whatever layout the file had.
 *
 * <p>Sizes are in bytes. The toolkit dialect ({@code [rocksdb]}, sizes in MB) has one profile,
 * named {@code rocksdb}, that every column family takes; its MB values are also available as {@link
 * #writeBufferSizeMb()} and friends, and {@link #RocksDbConfig(long, int, long, long)} builds one.
 * The {@code kalamdb-server} dialect ({@code [storage.rocksdb]}) has the five profiles of {@link
 * ServerLayout} and its database settings ({@link DbSettings}); a column family takes a profile by
 * {@link #profileFor(String)}.
 *
 * @param dialect the layout the values were read from
 * @param blockCacheSizeBytes the one LRU block cache shared by every column family, {@code >= 0}
 * @param memtableLimitBytes cap on all memtables of the store together, {@code 0} for none (toolkit
 *     only)
 * @param profiles toolkit: exactly one; server: the five of {@link ServerLayout}, in its order
 * @param dbSettings database-wide settings; {@link DbSettings#NONE} in the toolkit dialect
 * @param legacyProfile server only: the {@code write_buffer_size} and {@code max_write_buffers}
 *     that releases before {@value ServerLayout#PROFILES_SINCE} read directly under {@code
 *     [storage.rocksdb]} for every column family, when the file still has them
 */
public record RocksDbConfig(
    Dialect dialect,
    long blockCacheSizeBytes,
    long memtableLimitBytes,
    List<ColumnFamilyProfile> profiles,
    DbSettings dbSettings,
    Optional<ColumnFamilyProfile> legacyProfile) {

  /** The largest size in MB whose byte count still fits a {@code long}. */
  public static final long MAX_SIZE_MB = Long.MAX_VALUE >> 20;

  /** The name of the toolkit dialect's one profile. */
  public static final String TOOLKIT_PROFILE = "rocksdb";

  private static final long MB = 1 << 20;

  public RocksDbConfig {
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(dbSettings, "dbSettings");
    Objects.requireNonNull(legacyProfile, "legacyProfile");
    profiles = List.copyOf(profiles);
    if (blockCacheSizeBytes < 0 || memtableLimitBytes < 0) {
      throw new IllegalArgumentException(
          "cache size and memtable limit must be >= 0, got "
              + blockCacheSizeBytes
              + " and "
              + memtableLimitBytes);
    }
    Set<String> names = new HashSet<>();
    for (ColumnFamilyProfile profile : profiles) {
      if (!names.add(profile.name())) {
        throw new IllegalArgumentException("duplicate profile " + profile.name());
      }
    }
    if (dialect == Dialect.TOOLKIT) {
      if (profiles.size() != 1 || legacyProfile.isPresent() || memtableLimitBytes % MB != 0) {
        throw new IllegalArgumentException(
            "a toolkit config has one profile, whole MB and no legacy profile");
      }
    } else if (!names.equals(Set.copyOf(ServerLayout.profileNames())) || memtableLimitBytes != 0) {
      throw new IllegalArgumentException(
          "a kalamdb-server config has the profiles "
              + ServerLayout.profileNames()
              + " and no memtable limit, got "
              + names);
    }
  }

  /**
   * A toolkit config from its MB values, checked against the ranges the validator enforces for a
   * file.
   *
   * @param writeBufferSizeMb memtable size of each column family, {@code >= 1}
   * @param maxWriteBufferNumber memtables each column family may hold, {@code >= 1}; RocksDB raises
   *     1 to 2, so the memory model does too
   * @param blockCacheSizeMb the one LRU block cache shared by every column family, {@code >= 0}
   * @param memtableLimitMb cap on all memtables of the store together, {@code 0} for no cap
   * @throws IllegalArgumentException for a value out of range, naming the key
   */
  public RocksDbConfig(
      long writeBufferSizeMb,
      int maxWriteBufferNumber,
      long blockCacheSizeMb,
      long memtableLimitMb) {
    this(
        Dialect.TOOLKIT,
        mbInRange(ConfigKey.BLOCK_CACHE_SIZE_MB, blockCacheSizeMb),
        mbInRange(ConfigKey.MEMTABLE_LIMIT_MB, memtableLimitMb),
        List.of(
            new ColumnFamilyProfile(
                TOOLKIT_PROFILE,
                mbInRange(ConfigKey.WRITE_BUFFER_SIZE_MB, writeBufferSizeMb),
                (int) inRange(ConfigKey.MAX_WRITE_BUFFER_NUMBER, maxWriteBufferNumber))),
        DbSettings.NONE,
        Optional.empty());
  }

  private static long inRange(ConfigKey key, long value) {
    if (value < key.minimum() || value > key.maximum()) {
      throw new IllegalArgumentException(
          key.tomlName() + " must be " + key.rangeText() + ", got " + value);
    }
    return value;
  }

  private static long mbInRange(ConfigKey key, long value) {
    return inRange(key, value) << 20;
  }

  /** The seed's settings: 8 MB x 2 write buffers per column family, one shared 32 MB cache. */
  public static RocksDbConfig defaults() {
    return new RocksDbConfig(
        ConfigKey.WRITE_BUFFER_SIZE_MB.defaultValue(),
        (int) ConfigKey.MAX_WRITE_BUFFER_NUMBER.defaultValue(),
        ConfigKey.BLOCK_CACHE_SIZE_MB.defaultValue(),
        ConfigKey.MEMTABLE_LIMIT_MB.defaultValue());
  }

  /**
   * A KalamDB server's defaults, as it runs with no {@code [storage.rocksdb]} at all: a 2 MiB
   * cache, the profiles of {@link ServerLayout#DEFAULT_PROFILES}, 4 background jobs, 512 open
   * files.
   */
  public static RocksDbConfig serverDefaults() {
    return new RocksDbConfig(
        Dialect.KALAMDB_SERVER,
        ServerLayout.DEFAULT_BLOCK_CACHE_BYTES,
        0,
        ServerLayout.DEFAULT_PROFILES,
        DbSettings.SERVER_DEFAULTS,
        Optional.empty());
  }

  /** The defaults of a dialect: {@link #defaults()} or {@link #serverDefaults()}. */
  public static RocksDbConfig defaults(Dialect dialect) {
    return dialect == Dialect.TOOLKIT ? defaults() : serverDefaults();
  }

  /**
   * Reads the RocksDB settings of a TOML file in the dialect the file has: {@code [rocksdb]}
   * (toolkit) or {@code [storage.rocksdb]} (kalamdb-server). Every other section is ignored, and a
   * file with neither gives {@link #defaults()}. The file is checked on its own ({@link
   * CheckOptions#fileOnly()}): no budget, and a memtable limit only has to suit one column family.
   *
   * @throws ConfigException when the file cannot be read or has any error (a file with both
   *     sections is one); its message lists every diagnostic of the file
   */
  public static RocksDbConfig load(Path file) {
    return load(file, CheckOptions.fileOnly());
  }

  /**
   * Like {@link #load(Path)}, reading the file in the given dialect: a server file without {@code
   * [storage.rocksdb]} then gives {@link #serverDefaults()}.
   */
  public static RocksDbConfig load(Path file, Dialect dialect) {
    return load(file, CheckOptions.fileOnly().withDialect(dialect));
  }

  private static RocksDbConfig load(Path file, CheckOptions options) {
    ValidationResult result = new ConfigValidator(options).validate(file);
    if (result.hasErrors()) {
      throw new ConfigException(result.diagnostics());
    }
    return result.config();
  }

  /**
   * The profile a column family takes: toolkit, the one profile; server, by {@link
   * ServerLayout#profileOf(String)}.
   */
  public ColumnFamilyProfile profileFor(String columnFamily) {
    String name =
        dialect == Dialect.TOOLKIT ? TOOLKIT_PROFILE : ServerLayout.profileOf(columnFamily);
    return profile(name).orElseThrow();
  }

  /** The profile of this name, if the config has one. */
  public Optional<ColumnFamilyProfile> profile(String name) {
    return profiles.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The profile a column family with no profile of its own takes. */
  public ColumnFamilyProfile baseProfile() {
    return dialect == Dialect.TOOLKIT ? profiles.get(0) : profile(ServerLayout.BASE_PROFILE).get();
  }

  /** Whether {@link #memtableLimitBytes()} caps the memtables of the whole store. */
  public boolean hasMemtableLimit() {
    return memtableLimitBytes > 0;
  }

  /**
   * {@code write_buffer_size_mb}: the memtable size of the base profile in MB, rounded up (exact in
   * the toolkit dialect).
   */
  public long writeBufferSizeMb() {
    return ceilMb(baseProfile().writeBufferSizeBytes());
  }

  /** {@code max_write_buffer_number} of the base profile, as written. */
  public int maxWriteBufferNumber() {
    return baseProfile().maxWriteBufferNumber();
  }

  /** {@code block_cache_size_mb}: the cache in MB, rounded up (exact in the toolkit dialect). */
  public long blockCacheSizeMb() {
    return ceilMb(blockCacheSizeBytes);
  }

  /** {@code memtable_limit_mb}: the memtable limit in MB. */
  public long memtableLimitMb() {
    return memtableLimitBytes >> 20;
  }

  /** The number of write buffers RocksDB really keeps per column family of the base profile. */
  public int effectiveMaxWriteBufferNumber() {
    return baseProfile().effectiveMaxWriteBufferNumber();
  }

  /** The write buffer size of the base profile in bytes, as written. */
  public long writeBufferSizeBytes() {
    return baseProfile().writeBufferSizeBytes();
  }

  /** A copy with another write buffer size (toolkit only). */
  public RocksDbConfig withWriteBufferSizeMb(long value) {
    return toolkitCopy(value, maxWriteBufferNumber(), blockCacheSizeMb(), memtableLimitMb());
  }

  /** A copy with another write buffer count (toolkit only). */
  public RocksDbConfig withMaxWriteBufferNumber(int value) {
    return toolkitCopy(writeBufferSizeMb(), value, blockCacheSizeMb(), memtableLimitMb());
  }

  /** A copy with another block cache size in MB. */
  public RocksDbConfig withBlockCacheSizeMb(long value) {
    if (dialect != Dialect.TOOLKIT) {
      return withBlockCacheSizeBytes(mbInRange(ConfigKey.BLOCK_CACHE_SIZE_MB, value));
    }
    return toolkitCopy(writeBufferSizeMb(), maxWriteBufferNumber(), value, memtableLimitMb());
  }

  /** A copy with another memtable limit ({@code 0} for none; toolkit only). */
  public RocksDbConfig withMemtableLimitMb(long value) {
    return toolkitCopy(writeBufferSizeMb(), maxWriteBufferNumber(), blockCacheSizeMb(), value);
  }

  /** A copy with another block cache size in bytes. */
  public RocksDbConfig withBlockCacheSizeBytes(long bytes) {
    return new RocksDbConfig(
        dialect, bytes, memtableLimitBytes, profiles, dbSettings, legacyProfile);
  }

  /** A copy with the profiles of the same names replaced by these. */
  public RocksDbConfig withProfiles(List<ColumnFamilyProfile> replacements) {
    List<ColumnFamilyProfile> updated =
        profiles.stream()
            .map(
                p ->
                    replacements.stream()
                        .filter(r -> r.name().equals(p.name()))
                        .findFirst()
                        .orElse(p))
            .toList();
    return new RocksDbConfig(
        dialect, blockCacheSizeBytes, memtableLimitBytes, updated, dbSettings, legacyProfile);
  }

  /** A copy with other database settings. */
  public RocksDbConfig withDbSettings(DbSettings settings) {
    return new RocksDbConfig(
        dialect, blockCacheSizeBytes, memtableLimitBytes, profiles, settings, legacyProfile);
  }

  /** A copy without the legacy profile. */
  public RocksDbConfig withoutLegacyProfile() {
    return new RocksDbConfig(
        dialect, blockCacheSizeBytes, memtableLimitBytes, profiles, dbSettings, Optional.empty());
  }

  private RocksDbConfig toolkitCopy(long wbsMb, int buffers, long cacheMb, long limitMb) {
    if (dialect != Dialect.TOOLKIT) {
      throw new IllegalStateException(
          "MB settings of [rocksdb] do not apply to a " + dialect + " config");
    }
    return new RocksDbConfig(wbsMb, buffers, cacheMb, limitMb);
  }

  private static long ceilMb(long bytes) {
    return BigInteger.valueOf(bytes).add(BigInteger.valueOf(MB - 1)).shiftRight(20).longValue();
  }
}

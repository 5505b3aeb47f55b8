package org.kalamdb.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * The keys of the {@code [rocksdb]} section: name, default, range and meaning. The validator, the
 * writer, the documentation and the JSON schema test all read this one table.
 */
public enum ConfigKey {
  WRITE_BUFFER_SIZE_MB(
      "write_buffer_size_mb",
      8,
      1,
      RocksDbConfig.MAX_SIZE_MB,
      "Memtable size of each column family, in MB."),
  MAX_WRITE_BUFFER_NUMBER(
      "max_write_buffer_number",
      2,
      1,
      Integer.MAX_VALUE,
      "Memtables each column family may hold; RocksDB raises 1 to 2."),
  BLOCK_CACHE_SIZE_MB(
      "block_cache_size_mb",
      32,
      0,
      RocksDbConfig.MAX_SIZE_MB,
      "One LRU block cache shared by every column family, in MB."),
  MEMTABLE_LIMIT_MB(
      "memtable_limit_mb",
      0,
      0,
      RocksDbConfig.MAX_SIZE_MB,
      "Cap on all memtables of the store together, in MB; 0 turns the cap off.");

  private final String tomlName;
  private final long defaultValue;
  private final long minimum;
  private final long maximum;
  private final String description;

  ConfigKey(String tomlName, long defaultValue, long minimum, long maximum, String description) {
    this.tomlName = tomlName;
    this.defaultValue = defaultValue;
    this.minimum = minimum;
    this.maximum = maximum;
    this.description = description;
  }

  /** The key as written in TOML, e.g. {@code write_buffer_size_mb}. */
  public String tomlName() {
    return tomlName;
  }

  /** The value used when the key is absent. */
  public long defaultValue() {
    return defaultValue;
  }

  /** The smallest valid value. */
  public long minimum() {
    return minimum;
  }

  /** The largest valid value (for sizes: the largest whose byte count fits a {@code long}). */
  public long maximum() {
    return maximum;
  }

  /** One sentence on what the key means. */
  public String description() {
    return description;
  }

  /**
   * This key's value in {@code config}: what the writer puts after {@code key = } and what log
   * lines show, e.g. {@code WRITE_BUFFER_SIZE_MB.valueIn(RocksDbConfig.defaults())} is 8.
   */
  public long valueIn(RocksDbConfig config) {
    return switch (this) {
      case WRITE_BUFFER_SIZE_MB -> config.writeBufferSizeMb();
      case MAX_WRITE_BUFFER_NUMBER -> config.maxWriteBufferNumber();
      case BLOCK_CACHE_SIZE_MB -> config.blockCacheSizeMb();
      case MEMTABLE_LIMIT_MB -> config.memtableLimitMb();
    };
  }

  /** The range as diagnostics word it: {@code an integer >= 1}. */
  public String rangeText() {
    return "an integer >= " + minimum;
  }

  /** The key with this TOML name, if there is one. */
  public static Optional<ConfigKey> byTomlName(String name) {
    return Arrays.stream(values()).filter(k -> k.tomlName.equals(name)).findFirst();
  }
}

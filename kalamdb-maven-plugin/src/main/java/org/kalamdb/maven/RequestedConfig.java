package org.kalamdb.maven;

import org.kalamdb.config.ConfigSizer;
import org.kalamdb.config.RocksDbConfig;

/**
 * What {@code generate-config} was asked for: a memory budget to size from, and values given
 * explicitly. Each may be {@code null} when not given.
 *
 * @param memoryBudgetMb the budget to size for, or {@code null} to start from the defaults
 * @param columnFamilies the column families the budget must hold
 * @param writeBufferSizeMb an explicit {@code write_buffer_size_mb}, or {@code null}
 * @param maxWriteBufferNumber an explicit {@code max_write_buffer_number}, or {@code null}
 * @param blockCacheSizeMb an explicit {@code block_cache_size_mb}, or {@code null}
 * @param memtableLimitMb an explicit {@code memtable_limit_mb}, or {@code null}
 */
record RequestedConfig(
    Long memoryBudgetMb,
    int columnFamilies,
    Long writeBufferSizeMb,
    Integer maxWriteBufferNumber,
    Long blockCacheSizeMb,
    Long memtableLimitMb) {

  /**
   * The configuration to write: sized for the budget when there is one (the defaults otherwise),
   * then every explicit value put over it.
   *
   * @throws IllegalArgumentException when no configuration fits the budget or a value is out of
   *     range; the message says which and why
   */
  RocksDbConfig resolve() {
    RocksDbConfig config =
        memoryBudgetMb == null
            ? RocksDbConfig.defaults()
            : ConfigSizer.forBudget(memoryBudgetMb, columnFamilies);
    if (writeBufferSizeMb != null) {
      config = config.withWriteBufferSizeMb(writeBufferSizeMb);
    }
    if (maxWriteBufferNumber != null) {
      config = config.withMaxWriteBufferNumber(maxWriteBufferNumber);
    }
    if (blockCacheSizeMb != null) {
      config = config.withBlockCacheSizeMb(blockCacheSizeMb);
    }
    if (memtableLimitMb != null) {
      config = config.withMemtableLimitMb(memtableLimitMb);
    }
    return config;
  }
}

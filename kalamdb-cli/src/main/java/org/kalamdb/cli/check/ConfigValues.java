package org.kalamdb.cli.check;

import org.kalamdb.config.RocksDbConfig;

/** The values of a {@code [rocksdb]} section under their TOML names, for {@code --json}. */
record ConfigValues(
    long write_buffer_size_mb,
    int max_write_buffer_number,
    long block_cache_size_mb,
    long memtable_limit_mb) {

  static ConfigValues of(RocksDbConfig config) {
    return new ConfigValues(
        config.writeBufferSizeMb(),
        config.maxWriteBufferNumber(),
        config.blockCacheSizeMb(),
        config.memtableLimitMb());
  }
}

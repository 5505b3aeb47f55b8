package org.kalamdb.config;

/**
 * Values given explicitly for a generated section (by the Maven goal's parameters or the CLI's
 * options); each is {@code null} when not given and then leaves the base value as it is.
 *
 * @param writeBufferSizeMb an explicit {@code write_buffer_size_mb}, or {@code null}
 * @param maxWriteBufferNumber an explicit {@code max_write_buffer_number}, or {@code null}
 * @param blockCacheSizeMb an explicit {@code block_cache_size_mb}, or {@code null}
 * @param memtableLimitMb an explicit {@code memtable_limit_mb}, or {@code null}
 */
public record ConfigOverrides(
    Long writeBufferSizeMb,
    Integer maxWriteBufferNumber,
    Long blockCacheSizeMb,
    Long memtableLimitMb) {

  /** Whether no value is given: {@link #applyTo} returns its base unchanged. */
  public boolean isEmpty() {
    return writeBufferSizeMb == null
        && maxWriteBufferNumber == null
        && blockCacheSizeMb == null
        && memtableLimitMb == null;
  }

  /**
   * {@code base} with every given value put over it, typically over {@link
   * ConfigSizer#forBudgetOrDefaults}: explicit values win over the sizing.
   *
   * @throws IllegalArgumentException when a given value is out of range; the message names the key
   *     and its range
   */
  public RocksDbConfig applyTo(RocksDbConfig base) {
    RocksDbConfig config = base;
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

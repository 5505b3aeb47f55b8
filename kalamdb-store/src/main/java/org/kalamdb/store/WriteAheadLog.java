package org.kalamdb.store;

/**
 * Whether writes made through {@link KalamStore#put}, {@link KalamStore#delete} go to RocksDB's
 * write-ahead log. Memory behaviour is the same either way; without the log, data not yet flushed
 * to SST files is lost when the process dies, which is fine for throw-away test stores.
 */
public enum WriteAheadLog {
  /** Every write is logged (RocksDB's default; the WAL is not synced on each write). */
  ENABLED,
  /** Writes skip the log: faster, for temporary stores whose contents may be lost. */
  DISABLED
}

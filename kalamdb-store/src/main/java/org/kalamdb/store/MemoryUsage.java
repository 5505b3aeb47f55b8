package org.kalamdb.store;

import java.util.Map;

/**
 * Memory a store uses by RocksDB's own accounting, in bytes, at one moment.
 *
 * @param memTableActiveBytes active memtables of every column family ({@code
 *     rocksdb.cur-size-active-mem-table})
 * @param memTableUnflushedBytes active and unflushed immutable memtables ({@code
 *     rocksdb.cur-size-all-mem-tables})
 * @param memTableTotalBytes all memtables, pinned ones included ({@code
 *     rocksdb.size-all-mem-tables})
 * @param blockCacheBytes usage of the one shared block cache, counted once
 * @param blockCachePinnedBytes the part of the cache pinned by readers
 * @param tableReadersBytes index and filter memory of open SST readers outside the cache ({@code
 *     rocksdb.estimate-table-readers-mem})
 * @param memTableChargedToCacheBytes cache reservations made for memtables by a WriteBufferManager
 *     that charges the cache; subtracted once in {@link #total()} so memtables are not counted
 *     twice
 * @param memTableBytesByColumnFamily {@code rocksdb.size-all-mem-tables} per column family name
 */
public record MemoryUsage(
    long memTableActiveBytes,
    long memTableUnflushedBytes,
    long memTableTotalBytes,
    long blockCacheBytes,
    long blockCachePinnedBytes,
    long tableReadersBytes,
    long memTableChargedToCacheBytes,
    Map<String, Long> memTableBytesByColumnFamily) {

  public MemoryUsage {
    memTableBytesByColumnFamily = Map.copyOf(memTableBytesByColumnFamily);
  }

  /** Everything accounted, the shared cache counted once. */
  public long total() {
    return memTableTotalBytes
        + Math.max(0, blockCacheBytes - memTableChargedToCacheBytes)
        + tableReadersBytes;
  }
}

package org.kalamdb.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Reads a database's memory figures from RocksDB itself and adds them up into a {@link
 * MemoryUsage}. {@link KalamStore} uses one internally; the public factories let a tool account a
 * database it opened itself, e.g. one opened with RocksDB's defaults for comparison.
 *
 * <p>Sources: {@code rocksdb.cur-size-active-mem-table}, {@code rocksdb.cur-size-all-mem-tables}
 * and {@code rocksdb.estimate-table-readers-mem} aggregated over all column families; {@code
 * rocksdb.size-all-mem-tables} per column family (the total is their sum); the cache's own usage
 * and pinned usage when one cache is shared, counted once. Without a shared cache the per-column
 * family {@code rocksdb.block-cache-usage} figures are added up, which is right when each column
 * family has a cache of its own (RocksDB's defaults) and counts a cache several times if column
 * families share one that was not passed in.
 *
 * <p>Memtables charged to the cache by a write buffer manager: RocksDB keeps the figure inside the
 * manager, which rocksdbjni does not expose, and the {@code write-buffer} entry of the {@code
 * rocksdb.block-cache-entry-stats} map property is refreshed only every few seconds (in 11.8.1 it
 * stayed at 256 KB while the reservations grew to 32 MB), so it is estimated as {@code min(cache
 * usage, memtable total)}; see {@link MemoryUsage#memTableChargedToCacheBytes()}.
 *
 * <p>Thread safety: reading is safe from any thread as long as the database and handles stay open;
 * the caller guarantees that (KalamStore reads under its lock). A closed handle makes the read
 * throw, or worse, so never use an accountant past the database's close.
 */
public final class MemoryAccountant {

  private final RocksDB db;
  private final Supplier<Map<String, ColumnFamilyHandle>> families;
  private final Cache sharedCache;
  private final boolean memtablesChargedToCache;

  MemoryAccountant(
      RocksDB db,
      Supplier<Map<String, ColumnFamilyHandle>> families,
      Cache sharedCache,
      boolean memtablesChargedToCache) {
    this.db = Objects.requireNonNull(db, "db");
    this.families = Objects.requireNonNull(families, "families");
    this.sharedCache = sharedCache;
    this.memtablesChargedToCache = memtablesChargedToCache && sharedCache != null;
  }

  /**
   * An accountant for a database whose memtables are not charged to a cache.
   *
   * @param db the open database
   * @param families every open column family by name (copied; the default one included if wanted)
   * @param sharedCacheOrNull the block cache all column families share, or {@code null} when each
   *     has its own (then the per-family cache usage is added up)
   */
  public static MemoryAccountant of(
      RocksDB db, Map<String, ColumnFamilyHandle> families, Cache sharedCacheOrNull) {
    Map<String, ColumnFamilyHandle> copy = Map.copyOf(families);
    return new MemoryAccountant(db, () -> copy, sharedCacheOrNull, false);
  }

  /**
   * An accountant for a database whose write buffer manager charges memtables to {@code
   * sharedCache} (the hard-cap setup); the reservations are taken out of the cache figure.
   */
  public static MemoryAccountant ofCapped(
      RocksDB db, Map<String, ColumnFamilyHandle> families, Cache sharedCache) {
    Map<String, ColumnFamilyHandle> copy = Map.copyOf(families);
    return new MemoryAccountant(
        db, () -> copy, Objects.requireNonNull(sharedCache, "sharedCache"), true);
  }

  /**
   * Reads the figures now.
   *
   * @throws StoreException when RocksDB refuses a property
   */
  public MemoryUsage measure() {
    try {
      long active = db.getAggregatedLongProperty("rocksdb.cur-size-active-mem-table");
      long unflushed = db.getAggregatedLongProperty("rocksdb.cur-size-all-mem-tables");
      long tableReaders = db.getAggregatedLongProperty("rocksdb.estimate-table-readers-mem");
      Map<String, Long> byFamily = new LinkedHashMap<>();
      long memTables = 0;
      long perFamilyCache = 0;
      long perFamilyPinned = 0;
      for (Map.Entry<String, ColumnFamilyHandle> family : families.get().entrySet()) {
        ColumnFamilyHandle handle = family.getValue();
        long size = db.getLongProperty(handle, "rocksdb.size-all-mem-tables");
        byFamily.put(family.getKey(), size);
        memTables += size;
        if (sharedCache == null) {
          perFamilyCache += db.getLongProperty(handle, "rocksdb.block-cache-usage");
          perFamilyPinned += db.getLongProperty(handle, "rocksdb.block-cache-pinned-usage");
        }
      }
      long cache = sharedCache == null ? perFamilyCache : sharedCache.getUsage();
      long pinned = sharedCache == null ? perFamilyPinned : sharedCache.getPinnedUsage();
      long charged = memtablesChargedToCache ? Math.min(cache, memTables) : 0;
      return new MemoryUsage(
          active, unflushed, memTables, cache, pinned, tableReaders, charged, byFamily);
    } catch (RocksDBException e) {
      throw new StoreException("cannot read memory figures: " + e.getMessage(), e);
    }
  }
}

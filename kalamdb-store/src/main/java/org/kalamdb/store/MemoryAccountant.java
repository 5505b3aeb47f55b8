package org.kalamdb.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.LogFile;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Reads a database's memory figures from RocksDB itself and adds them up into a {@link
 * MemoryUsage}. {@link KalamStore} and {@link DatabaseWatch} use one internally; the public
 * factories let a tool account a database it opened itself, e.g. one opened with RocksDB's defaults
 * for comparison.
 *
 * <p>Sources: {@code rocksdb.cur-size-active-mem-table}, {@code rocksdb.cur-size-all-mem-tables}
 * and {@code rocksdb.estimate-table-readers-mem} aggregated over all column families; {@code
 * rocksdb.size-all-mem-tables} per column family (the total is their sum) when handles are known,
 * aggregated otherwise; the usage and pinned usage of each shared cache, counted once. Without a
 * shared cache the per-column family {@code rocksdb.block-cache-usage} figures are added up, which
 * is right when each column family has a cache of its own (RocksDB's defaults) and counts a cache
 * several times if column families share one that was not passed in; without handles either, the
 * default column family's cache figure is taken.
 *
 * <p>Memtables charged to the cache by a write buffer manager: RocksDB keeps the figure inside the
 * manager, which rocksdbjni does not expose, and the {@code write-buffer} entry of the {@code
 * rocksdb.block-cache-entry-stats} map property is refreshed only every few seconds (in 11.8.1 it
 * stayed at 256 KB while the reservations grew to 32 MB), so it is estimated as {@code min(cache
 * usage, memtable total)}; see {@link MemoryUsage#memTableChargedToCacheBytes()}.
 *
 * <p>Closed objects: every native call is preceded by a check that the database (and the handle or
 * cache it uses) still owns its native object; a closed database makes {@link #measure()} throw
 * {@link IllegalStateException}, a closed handle or cache is left out. The check cannot stop an
 * owner who closes the database on another thread between the check and the call: the caller
 * measures only where that cannot happen (KalamStore under its lock, {@link DatabaseWatch} on the
 * owner's side or inside a flush job; an accountant {@link #inFlushJob} skips the check, as the
 * database RocksDB passes to a flush callback is alive until the callback returns). Thread safe
 * otherwise.
 */
public final class MemoryAccountant {

  /** {@link #measure()} found the database closed; no native call was made on it. */
  static final class DatabaseClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    DatabaseClosedException(String message) {
      super(message);
    }
  }

  private final RocksDB db;
  private final Supplier<Map<String, ColumnFamilyHandle>> families; // null: database level only
  private final List<Cache> caches; // distinct, by identity
  private final Cache chargedCache; // the cache a write buffer manager charges, or null
  private final boolean memtablesCharged; // a write buffer manager charges memtables to a cache
  private final boolean checkOpen; // false inside a flush job, where the database cannot close
  private final boolean inMemoryFiles; // Storage.MEMORY: its files' memory is measured too

  private MemoryAccountant(
      RocksDB db,
      Supplier<Map<String, ColumnFamilyHandle>> families,
      List<Cache> caches,
      Cache chargedCache,
      boolean memtablesCharged,
      boolean inMemoryFiles,
      boolean checkOpen) {
    this.db = Objects.requireNonNull(db, "db");
    this.families = families;
    this.caches = distinct(caches);
    this.chargedCache = chargedCache;
    this.memtablesCharged = memtablesCharged;
    this.inMemoryFiles = inMemoryFiles;
    this.checkOpen = checkOpen;
  }

  /** The accountant of a store: its live families, its shared cache (or none), charged or not. */
  static MemoryAccountant ofStore(
      RocksDB db,
      Supplier<Map<String, ColumnFamilyHandle>> families,
      Cache sharedCache,
      boolean memtablesChargedToCache) {
    return ofStore(db, families, sharedCache, memtablesChargedToCache, Storage.DISK);
  }

  /** Like {@link #ofStore(RocksDB, Supplier, Cache, boolean)}, the files measured in memory. */
  static MemoryAccountant ofStore(
      RocksDB db,
      Supplier<Map<String, ColumnFamilyHandle>> families,
      Cache sharedCache,
      boolean memtablesChargedToCache,
      Storage storage) {
    return new MemoryAccountant(
        db,
        Objects.requireNonNull(families, "families"),
        sharedCache == null ? List.of() : List.of(sharedCache),
        memtablesChargedToCache ? sharedCache : null,
        memtablesChargedToCache,
        storage == Storage.MEMORY,
        true);
  }

  /**
   * An accountant of database-level figures only, for a database whose handles are unknown.
   *
   * @param caches the caches its column families use, each counted once
   * @param chargedCache the one of {@code caches} a write buffer manager charges memtables to, or
   *     {@code null}
   */
  static MemoryAccountant ofDatabase(RocksDB db, List<Cache> caches, Cache chargedCache) {
    return new MemoryAccountant(db, null, caches, chargedCache, chargedCache != null, false, true);
  }

  /**
   * An accountant of database-level figures read through nothing but {@code jobDb}, the database
   * RocksDB passes to a flush callback (alive until the callback returns, so nothing is checked):
   * the cache figure is the default column family's, the shared cache for a database opened with
   * {@link RocksDbOptions}; no Java cache object is read, as its owner may close one at any time.
   */
  static MemoryAccountant inFlushJob(RocksDB jobDb, boolean memtablesCharged) {
    return new MemoryAccountant(jobDb, null, List.of(), null, memtablesCharged, false, false);
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
    return ofStore(db, () -> copy, sharedCacheOrNull, false);
  }

  /**
   * An accountant for a database whose write buffer manager charges memtables to {@code
   * sharedCache} (the hard-cap setup); the reservations are taken out of the cache figure.
   */
  public static MemoryAccountant ofCapped(
      RocksDB db, Map<String, ColumnFamilyHandle> families, Cache sharedCache) {
    Map<String, ColumnFamilyHandle> copy = Map.copyOf(families);
    return ofStore(db, () -> copy, Objects.requireNonNull(sharedCache, "sharedCache"), true);
  }

  /**
   * Reads the figures now.
   *
   * @throws IllegalStateException when the database was closed (nothing native is called then)
   * @throws StoreException when RocksDB refuses a property
   */
  public MemoryUsage measure() {
    try {
      long active = aggregated("rocksdb.cur-size-active-mem-table");
      long unflushed = aggregated("rocksdb.cur-size-all-mem-tables");
      long tableReaders = aggregated("rocksdb.estimate-table-readers-mem");
      Map<String, Long> byFamily = new LinkedHashMap<>();
      long memTables = 0;
      long perFamilyCache = 0;
      long perFamilyPinned = 0;
      boolean familyClosed = families == null;
      if (families != null) {
        for (Map.Entry<String, ColumnFamilyHandle> family : families.get().entrySet()) {
          ColumnFamilyHandle handle = family.getValue();
          if (!handle.isOwningHandle()) {
            familyClosed = true; // closed by its user: the aggregated total still counts it
            continue;
          }
          long size = familyProperty(handle, "rocksdb.size-all-mem-tables");
          byFamily.put(family.getKey(), size);
          memTables += size;
          if (caches.isEmpty()) {
            perFamilyCache += familyProperty(handle, "rocksdb.block-cache-usage");
            perFamilyPinned += familyProperty(handle, "rocksdb.block-cache-pinned-usage");
          }
        }
      }
      if (familyClosed) {
        memTables = aggregated("rocksdb.size-all-mem-tables");
      }
      long cache = 0;
      long pinned = 0;
      long chargedUsage = 0;
      boolean cacheRead = false;
      for (Cache c : caches) {
        if (c.isOwningHandle()) {
          long usage = c.getUsage();
          cache += usage;
          pinned += c.getPinnedUsage();
          chargedUsage = c == chargedCache ? usage : chargedUsage;
          cacheRead = true;
        }
      }
      if (!cacheRead && families != null && caches.isEmpty()) {
        cache = perFamilyCache;
        pinned = perFamilyPinned;
      } else if (!cacheRead) {
        // No live cache object: the default column family's cache, the shared one when the
        // database was opened with RocksDbOptions.
        cache = defaultFamilyProperty("rocksdb.block-cache-usage");
        pinned = defaultFamilyProperty("rocksdb.block-cache-pinned-usage");
        chargedUsage = cache;
      }
      long charged = memtablesCharged ? Math.min(chargedUsage, memTables) : 0;
      return new MemoryUsage(
          active,
          unflushed,
          memTables,
          cache,
          pinned,
          tableReaders,
          charged,
          byFamily,
          inMemoryFiles ? inMemoryFileBytes() : 0);
    } catch (RocksDBException e) {
      throw new StoreException("cannot read memory figures: " + e.getMessage(), e);
    }
  }

  // Each check sits right before its native call, to keep the window an owner's close can hit
  // as small as Java allows.

  private long aggregated(String property) throws RocksDBException {
    requireOpen();
    return db.getAggregatedLongProperty(property);
  }

  /**
   * SSTs (live and obsolete ones not deleted yet), WAL files and the MANIFEST of a memory store.
   */
  private long inMemoryFileBytes() throws RocksDBException {
    long bytes = aggregated("rocksdb.total-sst-files-size");
    requireOpen();
    for (LogFile wal : db.getSortedWalFiles()) {
      bytes += wal.sizeFileBytes();
    }
    requireOpen();
    return bytes + db.getLiveFiles(false).manifestFileSize;
  }

  private long familyProperty(ColumnFamilyHandle handle, String property) throws RocksDBException {
    requireOpen();
    return db.getLongProperty(handle, property);
  }

  private long defaultFamilyProperty(String property) throws RocksDBException {
    requireOpen();
    return db.getLongProperty(property);
  }

  private void requireOpen() {
    if (checkOpen && !db.isOwningHandle()) {
      throw new DatabaseClosedException("the database was closed");
    }
  }

  private static List<Cache> distinct(List<Cache> caches) {
    List<Cache> distinct = new ArrayList<>();
    for (Cache cache : caches) {
      Objects.requireNonNull(cache, "cache");
      if (distinct.stream().noneMatch(seen -> seen == cache)) {
        distinct.add(cache);
      }
    }
    return List.copyOf(distinct);
  }
}

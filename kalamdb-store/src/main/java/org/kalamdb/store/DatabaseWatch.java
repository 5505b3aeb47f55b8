package org.kalamdb.store;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.kalamdb.config.RocksDbConfig;
import org.rocksdb.Cache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Puts a RocksDB database that someone else opened and owns (any way: with {@link RocksDbOptions}
 * or not) under measurement, so its memory can be checked against a budget like a {@link
 * KalamStore}'s.
 *
 * <pre>{@code
 * try (DatabaseWatch watch = DatabaseWatch.start("repo", repo.db(), repo.cache())) {
 *     ... // the application's own code writes
 *     MemoryUsage peak = watch.peak(); // also after the application closed its database
 * }
 * }</pre>
 *
 * <p><b>What is measured.</b> RocksDB's figures at database level, the watch having no column
 * family handles: {@code rocksdb.size-all-mem-tables}, {@code rocksdb.cur-size-all-mem-tables},
 * {@code rocksdb.cur-size-active-mem-table} and {@code rocksdb.estimate-table-readers-mem}
 * aggregated over all column families, plus the usage and pinned usage of each distinct cache given
 * (counted once; with none given, the default column family's cache). {@link
 * MemoryUsage#memTableBytesByColumnFamily()} is empty. When a cache given is the {@link
 * RocksDbOptions#cache()} of hard-cap options, the memtables' reservations are taken out of the
 * cache figure, as {@link MemoryAccountant} does for a store, so memtables are counted once.
 *
 * <p><b>Where samples are taken: only where the owner's close cannot free the database under the
 * call.</b> The owner may close its database at any moment, from any thread; a native call already
 * running when that close frees the database crashes the JVM, and no check before the call can
 * prevent it. So the watch reads the database only in these places:
 *
 * <ul>
 *   <li>on the thread that calls {@link #start} or {@link #sampleNow()}: like any other use of the
 *       owner's database object, such a call must not race the owner's close (the JUnit extension
 *       calls it on the test's thread, at the test's start and right after the test method);
 *   <li>for a database opened with {@link RocksDbOptions}, at the start of each of its flushes,
 *       when its memtables are at their fullest, through the database object RocksDB passes to the
 *       flush callback: a closing database waits for its running flush jobs, so nothing frees it
 *       under these calls, and no Java cache object is read there (the cache figure comes from the
 *       database).
 * </ul>
 *
 * <p>No background thread ever calls RocksDB on the watched database. When a cache given is the
 * {@link RocksDbOptions#cache()} of options still open, a background task reads that cache every
 * 100 ms through {@link RocksDbOptions}, whose close waits for the read, and records the latest
 * database figures with the cache's figures of that moment: with the hard cap the cache holds the
 * memtables' reservations, so this total follows the memtables between flushes too. {@link #peak()}
 * is the highest sample; memory that came and went between two samples is not seen, and a database
 * its owner closed is measured up to the last sample before the close: call {@link #sampleNow()} on
 * the owner's thread before closing a database right after filling it.
 *
 * <p>The watch owns nothing: {@link #close()} only stops sampling, and {@link #peak()} never calls
 * RocksDB. Thread safe.
 */
public final class DatabaseWatch implements AutoCloseable {

  private final String name;
  private final RocksDB db;
  private final long handle;
  private final String path;
  private final int columnFamilyCount;
  private final FlushSampling.Binding binding; // of the first cache given made by RocksDbOptions
  private final MemoryAccountant accountant;
  private final PeakSampler sampler = new PeakSampler();
  private final AtomicLong listenerSamples = new AtomicLong();
  private volatile boolean databaseClosed;
  private volatile boolean closed;

  private DatabaseWatch(
      String name,
      RocksDB db,
      String path,
      int columnFamilyCount,
      FlushSampling.Binding binding,
      MemoryAccountant accountant) {
    this.name = name;
    this.db = db;
    this.handle = db.getNativeHandle();
    this.path = path;
    this.columnFamilyCount = columnFamilyCount;
    this.binding = binding;
    this.accountant = accountant;
  }

  /**
   * Starts watching {@code db}: takes a first sample on the calling thread, then samples as the
   * class comment says until {@link #close()} or until a sample finds the database closed.
   *
   * @param name what reports call it, e.g. {@code "repo"}
   * @param db an open database, owned by the caller
   * @param sharedCaches the block caches its column families use (each counted once), e.g. {@link
   *     RocksDbOptions#cache()}; none for RocksDB's default per-family caches (then the default
   *     column family's cache is counted). A cache object already closed (e.g. by {@link
   *     RocksDbOptions#close()} while the database runs on) is not read; while no cache given can
   *     be read, the default column family's cache figure is taken instead, which for a database
   *     opened with {@link RocksDbOptions} is the shared cache
   * @throws IllegalStateException when {@code db} is already closed
   */
  public static DatabaseWatch start(String name, RocksDB db, Cache... sharedCaches) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(sharedCaches, "sharedCaches");
    List<Cache> caches = Arrays.asList(sharedCaches);
    caches.forEach(cache -> Objects.requireNonNull(cache, "cache"));
    if (!db.isOwningHandle()) {
      throw new IllegalStateException("the database given to watch '" + name + "' is closed");
    }
    String path = db.getName();
    FlushSampling.Binding binding = null;
    Cache charged = null;
    for (Cache cache : caches) {
      Optional<FlushSampling.Binding> found = FlushSampling.bindingOf(cache);
      if (found.isPresent() && binding == null) {
        binding = found.get();
        charged = binding.memtablesCharged() ? cache : null;
      }
    }
    DatabaseWatch watch =
        new DatabaseWatch(
            name,
            db,
            path,
            countColumnFamilies(path),
            binding,
            MemoryAccountant.ofDatabase(db, caches, charged));
    // Live before the first sample: a first sample that finds the database closed takes it out.
    FlushSampling.watchStarted(watch);
    watch.sampleNow();
    if (binding != null && binding.owner() != null) {
      watch.sampler.start(watch::sampleCacheInBackground);
    }
    return watch;
  }

  // From the files, as a watch has no handles; at least 1 (every database has "default").
  private static int countColumnFamilies(String path) {
    try {
      return Math.max(1, ColumnFamilies.listedIn(path).size());
    } catch (RocksDBException e) {
      return 1; // e.g. a database in an in-memory Env has no files to list
    }
  }

  /**
   * Whether a flush job of the database with native handle {@code jobHandle} is to be sampled for
   * this watch ({@link FlushSampling#flushBegan}). A watch whose own database object was closed
   * answers no and stops sampling (a database opened later may live at the same address).
   */
  boolean watchesFlushOf(long jobHandle) {
    if (!db.isOwningHandle()) { // a Java field: its owner closed it; forget it
      markDatabaseClosed();
      return false;
    }
    return handle == jobHandle && !closed && !databaseClosed;
  }

  /** Whether the options behind the cache given charge memtables to it. */
  boolean memtablesCharged() {
    return binding != null && binding.memtablesCharged();
  }

  /** Records a sample taken inside a flush job of the watched database, by {@code accountant}. */
  void sampleInFlushJob(MemoryAccountant accountant) {
    listenerSamples.incrementAndGet();
    try {
      sampler.record(accountant.measure());
    } catch (RuntimeException e) {
      // One sample fewer; never into RocksDB's flush thread.
    }
  }

  /** Whether this watch is among the live ones a flush job looks at; for tests. */
  boolean isLive() {
    return FlushSampling.isLive(this);
  }

  /**
   * The background task: the latest database figures with the shared cache's figures of now, read
   * through the options that own the cache. Never calls RocksDB on the database.
   */
  private void sampleCacheInBackground() {
    if (closed || databaseClosed) {
      return;
    }
    if (!db.isOwningHandle()) { // a Java field: the owner closed it
      markDatabaseClosed();
      return;
    }
    RocksDbOptions owner = binding.owner();
    try {
      Optional<RocksDbOptions.CacheUsage> cache = owner.cacheUsage();
      if (cache.isEmpty()) {
        sampler.stop(); // the options were closed: the flush job samples go on
        return;
      }
      MemoryUsage last = sampler.latest();
      long usage = cache.get().usageBytes();
      sampler.record(
          new MemoryUsage(
              last.memTableActiveBytes(),
              last.memTableUnflushedBytes(),
              last.memTableTotalBytes(),
              usage,
              cache.get().pinnedBytes(),
              last.tableReadersBytes(),
              binding.memtablesCharged() ? Math.min(usage, last.memTableTotalBytes()) : 0,
              last.memTableBytesByColumnFamily(),
              last.inMemoryFileBytes()));
    } catch (RuntimeException e) {
      // A failed background sample must not kill the shared task.
    }
  }

  /** The name given at {@link #start}. */
  public String name() {
    return name;
  }

  /** The watched database's path ({@link RocksDB#getName()}), read at {@link #start}. */
  public String path() {
    return path;
  }

  /**
   * The number of column families of the database when the watch started, read from its files; at
   * least 1 ({@code default}), also when the files cannot be listed.
   */
  public int columnFamilyCount() {
    return columnFamilyCount;
  }

  /**
   * The {@link RocksDbOptions#lastingStalls()} of the options whose cache was given to {@link
   * #start} (also once they are closed); {@code 0} when no such cache was given.
   */
  public long lastingStalls() {
    return binding == null || binding.owner() == null ? 0 : binding.owner().lastingStalls();
  }

  /**
   * The config of the {@link RocksDbOptions} whose cache was given to {@link #start}, if one was:
   * the options the database was opened with.
   */
  public Optional<RocksDbConfig> config() {
    return Optional.ofNullable(binding).map(FlushSampling.Binding::config);
  }

  /**
   * Takes a sample now, on the calling thread, and returns it; empty when the watch is closed or
   * the database was found closed (then nothing native is called). The calling thread reads the
   * owner's database: call it where the owner's close cannot run at the same time (on the owner's
   * thread, or one ordered with its close), as for any other call on the owner's database object.
   *
   * @throws StoreException when RocksDB refuses a property
   */
  public Optional<MemoryUsage> sampleNow() {
    if (closed || databaseClosed) {
      return Optional.empty();
    }
    try {
      MemoryUsage usage = accountant.measure();
      sampler.record(usage);
      return Optional.of(usage);
    } catch (MemoryAccountant.DatabaseClosedException e) {
      markDatabaseClosed();
      return Optional.empty();
    }
  }

  /** How many samples flush jobs took (RocksDB's listener, at flush begin); for tests. */
  long listenerSamples() {
    return listenerSamples.get();
  }

  private void markDatabaseClosed() {
    databaseClosed = true;
    stopSampling();
  }

  /**
   * The sample with the highest {@link MemoryUsage#total()} since {@link #start} or {@link
   * #resetPeak()}. Never touches the database: works after it or the watch was closed.
   */
  public MemoryUsage peak() {
    return sampler.peak();
  }

  /**
   * Starts a new peak from the most recent sample (none is taken: this never touches the database).
   * Recorders from {@link #recordPeaks()} keep theirs.
   */
  public void resetPeak() {
    sampler.reset();
    sampler.record(sampler.latest());
  }

  /**
   * A new high-water mark of its own, starting at the most recent sample and fed by every later
   * one; its {@link PeakRecorder#reset()} touches neither {@link #peak()} nor other recorders.
   */
  public PeakRecorder recordPeaks() {
    return sampler.newRecorder();
  }

  /** Whether a sample found the database closed by its owner; no sample is taken after that. */
  public boolean databaseClosed() {
    return databaseClosed;
  }

  /** Whether {@link #close()} has run. */
  public boolean isClosed() {
    return closed;
  }

  /** Stops sampling; never touches the database. {@link #peak()} stays readable. Idempotent. */
  @Override
  public void close() {
    closed = true;
    stopSampling();
  }

  private void stopSampling() {
    sampler.stop();
    FlushSampling.watchStopped(this);
  }

  @Override
  public String toString() {
    return "DatabaseWatch[" + name + ", " + path + (databaseClosed ? ", database closed]" : "]");
  }
}

package org.kalamdb.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.kalamdb.config.RocksDbConfig;
import org.rocksdb.Cache;
import org.rocksdb.Options;
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
 * <p><b>When.</b> Once at {@link #start}, every 100 ms on the daemon thread shared with the stores,
 * on {@link #sampleNow()}, and, for a database opened with {@link RocksDbOptions}, at every
 * memtable seal and flush start, when memtables are at their fullest. The options are found through
 * the cache given (or, from the first flush on, through the database's path). {@link #peak()} is
 * the highest sample; memory that came and went between two samples is not seen, and a database its
 * owner closed is measured up to the last sample before the close.
 *
 * <p><b>Never touching a closed database.</b> The watch owns nothing: {@link #close()} only stops
 * sampling, and {@link #peak()} never calls RocksDB. Before every native call a sample checks that
 * the database (and the cache) still owns its native object ({@code isOwningHandle()}); once it
 * finds the database closed, it marks it ({@link #databaseClosed()}) and never samples again.
 * Samples in RocksDB's listener are safe even against a concurrent close: RocksDB's close waits for
 * running flush jobs. One race no wrapper can close remains: the owner closing the database on
 * another thread in the instant between the check and the native call right after it. The window is
 * a few instructions (the check sits directly before each call), and RocksDB's close flips the flag
 * before it cancels background work, waits for it and flushes, which takes milliseconds before any
 * memory is freed; so the sampling thread would have to be descheduled right there for that long.
 * To rule it out completely, close the watch (or stop calling {@link #sampleNow()}) before closing
 * the database from another thread.
 *
 * <p>Thread safe.
 */
public final class DatabaseWatch implements AutoCloseable {

  /** Live watches, so a flush of a database opened with RocksDbOptions finds them by path. */
  private static final List<DatabaseWatch> LIVE = new CopyOnWriteArrayList<>();

  private final String name;
  private final RocksDB db;
  private final String path;
  private final int columnFamilyCount;
  private final RocksDbConfig config;
  private final MemoryAccountant accountant;
  private final PeakSampler sampler = new PeakSampler();
  private final AtomicLong listenerSamples = new AtomicLong();
  private final Runnable listenerTask = this::sampleFromListener;
  private final List<RocksDbOptions.FullMemtableListener> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean databaseClosed;
  private volatile boolean closed;

  private DatabaseWatch(
      String name,
      RocksDB db,
      String path,
      int columnFamilyCount,
      RocksDbConfig config,
      MemoryAccountant accountant) {
    this.name = name;
    this.db = db;
    this.path = path;
    this.columnFamilyCount = columnFamilyCount;
    this.config = config;
    this.accountant = accountant;
  }

  /**
   * Starts watching {@code db}: takes a first sample, then samples until {@link #close()} or until
   * a sample finds the database closed.
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
    RocksDbOptions.Binding binding = null;
    Cache charged = null;
    for (Cache cache : caches) {
      Optional<RocksDbOptions.Binding> found = RocksDbOptions.bindingOf(cache);
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
            binding == null ? null : binding.config(),
            MemoryAccountant.ofDatabase(db, caches, charged));
    watch.sampleNow();
    if (binding != null) {
      watch.bind(binding.listener());
    }
    LIVE.add(watch);
    watch.sampler.start(watch::sampleQuietly);
    return watch;
  }

  // From the files, as a watch has no handles; at least 1 (every database has "default").
  private static int countColumnFamilies(String path) {
    try (Options listing = new Options()) {
      List<String> names = new ArrayList<>();
      for (byte[] family : RocksDB.listColumnFamilies(listing, path)) {
        names.add(new String(family, StandardCharsets.UTF_8));
      }
      return Math.max(1, names.size());
    } catch (RocksDBException e) {
      return 1; // e.g. a database in an in-memory Env has no files to list
    }
  }

  /** A flush began in the database at {@code path}: watches of it sample from now on. */
  static void flushBegan(String path, RocksDbOptions.FullMemtableListener listener) {
    for (DatabaseWatch watch : LIVE) {
      if (watch.path.equals(path) && !listener.has(watch.listenerTask)) {
        watch.bind(listener);
      }
    }
  }

  private void bind(RocksDbOptions.FullMemtableListener listener) {
    if (!closed) {
      listeners.add(listener);
      listener.add(listenerTask);
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
   * The config of the {@link RocksDbOptions} whose cache was given to {@link #start}, if one was:
   * the options the database was opened with.
   */
  public Optional<RocksDbConfig> config() {
    return Optional.ofNullable(config);
  }

  /**
   * Takes a sample now and returns it; empty when the watch is closed or the database was found
   * closed (then nothing native is called).
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

  private void sampleQuietly() {
    try {
      sampleNow();
    } catch (RuntimeException e) {
      // A failed background or listener sample must neither kill the shared task nor reach RocksDB.
    }
  }

  private void sampleFromListener() {
    listenerSamples.incrementAndGet();
    sampleQuietly();
  }

  /** How often RocksDB's listener (memtable sealed, flush begun) asked for a sample; for tests. */
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
    LIVE.remove(this);
    for (RocksDbOptions.FullMemtableListener listener : listeners) {
      listener.remove(listenerTask);
    }
    listeners.clear();
  }

  @Override
  public String toString() {
    return "DatabaseWatch[" + name + ", " + path + (databaseClosed ? ", database closed]" : "]");
  }
}

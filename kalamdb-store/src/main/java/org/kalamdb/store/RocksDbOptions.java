package org.kalamdb.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kalamdb.config.ColumnFamilyProfile;
import org.kalamdb.config.DbSettings;
import org.kalamdb.config.RocksDbConfig;
import org.rocksdb.AbstractEventListener;
import org.rocksdb.AbstractNativeReference;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Env;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksMemEnv;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * The RocksDB options of a {@link RocksDbConfig}, for an application that opens RocksDB itself;
 * {@link KalamStore} is built on the same class, so a database opened with these options runs
 * exactly what a store from the same config runs. This is the only place the toolkit builds RocksDB
 * options.
 *
 * <p><b>What it builds.</b> One LRU block cache shared by every column family ({@link #cache()}).
 * With {@code memtable_limit_mb > 0} (hard cap): a cache of {@code block_cache_size_mb +
 * memtable_limit_mb} with a high-priority pool for index and filter blocks (which live in the
 * cache, L0 ones pinned), a {@link WriteBufferManager} of {@code memtable_limit_mb} charged to that
 * cache with stalling on, an arena block size of {@code memtable_limit / (4 x column families)} (4
 * KB to {@code write_buffer_size}), {@value #CAPPED_BACKGROUND_JOBS} background jobs and at most
 * {@value #CAPPED_MAX_OPEN_FILES} open table files. Every column family takes the write buffer size
 * and count of its profile ({@link RocksDbConfig#profileFor}: the config's own values in the
 * toolkit dialect, the {@code cf_profiles} of a KalamDB {@code server.toml}), and a server file's
 * {@link DbSettings} ({@code max_background_jobs}, {@code max_open_files}, WAL and sync) apply.
 *
 * <p><b>Memory watch.</b> The {@link #dbOptions()} carry an event listener: a {@link DatabaseWatch}
 * of a database opened with them samples it whenever one of its flushes begins, when memtables are
 * at their fullest, inside the flush job, which the database's close waits for. A watch started
 * with {@link #cache()} among its caches also reads the cache's usage in the background through
 * {@link #cacheUsage()}, under this object's lock, which {@link #close()} takes too.
 *
 * <p><b>Lifetime.</b> Every object returned is owned by this instance and freed once by {@link
 * #close()} (idempotent); do not close them yourself. Close the database and its column family
 * handles first, then the options:
 *
 * <pre>{@code
 * try (RocksDbOptions opts = RocksDbOptions.from(config)) {
 *     List<ColumnFamilyHandle> handles = new ArrayList<>();
 *     try (RocksDB db = RocksDB.open(opts.dbOptions(), dir.toString(),
 *             opts.descriptors(List.of("default", "users")), handles)) {
 *         db.put(handles.get(1), key, value);
 *         handles.forEach(ColumnFamilyHandle::close); // before the db
 *     }
 * }
 * }</pre>
 *
 * Closing the options while a database opened with them is still open is harmless, measured with
 * rocksdbjni 11.8.1 ({@code RocksDbOptionsTest}): RocksDB copies the database and column family
 * options at open and holds its own references to the cache, the table factories, the write buffer
 * manager and the listener, so the database keeps writing, flushing, reading and sampling under the
 * same cap until it is closed. What no longer works is this object: its getters throw {@link
 * IllegalStateException}, and the cache object is closed, so a {@link DatabaseWatch} no longer
 * reads it directly and takes the database's own figure for its default column family (the same
 * shared cache) instead.
 *
 * <p><b>In memory.</b> {@link #from(RocksDbConfig, Storage)} with {@link Storage#MEMORY} adds a
 * {@link RocksMemEnv} of its own to the {@link #dbOptions()}: a database opened with them keeps
 * every file (SSTs, write-ahead log, MANIFEST, OPTIONS, info log) in memory, under the path given
 * to {@code RocksDB.open} as a name only. The environment is freed by {@link #close()}, with the
 * files in it, so there the order is a must: close the database and its handles first. Options that
 * environment cannot serve (mmap reads and writes, direct reads, direct I/O for flush and
 * compaction) are refused ({@link #requireMemoryCompatible}); no config of the toolkit or server
 * dialect can set them, the check guards the options built here.
 *
 * <p>Thread safe.
 */
public final class RocksDbOptions implements AutoCloseable {

  /**
   * How long the memtables under a hard cap must hold its whole limit with no flush begun or
   * completed before {@link #lastingStalls()} counts a lasting stall.
   */
  public static final Duration LASTING_STALL = Duration.ofSeconds(10);

  /**
   * Share of the capped cache kept for index and filter blocks, so data blocks cannot evict them.
   */
  static final double HIGH_PRI_POOL_RATIO = 0.1;

  /**
   * Background jobs in hard-cap mode; RocksDB gives a quarter of them to flushes, and a cap shared
   * by many column families means many small flushes, each waiting for its fsyncs (measured:
   * docs/measurements/rocksdb-options.md).
   */
  static final int CAPPED_BACKGROUND_JOBS = 16;

  /**
   * Table files kept open in hard-cap mode (RocksDB's default, -1, keeps every one open, and each
   * holds a table reader outside the cache): bounds that memory and the file handles as the SST
   * count grows, at a cost of about 1 MB (measured: docs/measurements/rocksdb-options.md).
   */
  static final int CAPPED_MAX_OPEN_FILES = 512;

  /** RocksDB rounds arena blocks to this; it is also the smallest block worth allocating. */
  static final long MIN_ARENA_BLOCK_BYTES = 4 << 10;

  /** A shared cache's usage and pinned usage, read together. */
  record CacheUsage(long usageBytes, long pinnedBytes) {}

  private final RocksDbConfig config; // null: RocksDB's defaults, nothing set
  private final Cache cache;
  private final WriteBufferManager writeBufferManager;
  private final BlockBasedTableConfig tableConfig;
  private final DBOptions dbOptions;
  private final FlushSampling.FullMemtableListener listener; // the sampling wiring: FlushSampling
  private final WriteOptions writeOptions;
  private final Env memoryEnv; // null on disk
  private final StallWatch stallWatch; // null without a cap
  private final List<ColumnFamilyOptions> issued = new ArrayList<>();
  private boolean closed;

  private RocksDbOptions(
      RocksDbConfig config,
      Cache cache,
      WriteBufferManager writeBufferManager,
      BlockBasedTableConfig tableConfig,
      DBOptions dbOptions,
      FlushSampling.FullMemtableListener listener,
      WriteOptions writeOptions,
      Env memoryEnv) {
    this.config = config;
    this.memoryEnv = memoryEnv;
    this.cache = cache;
    this.writeBufferManager = writeBufferManager;
    this.tableConfig = tableConfig;
    this.dbOptions = dbOptions;
    this.listener = listener;
    this.writeOptions = writeOptions;
    this.stallWatch =
        writeBufferManager == null
            ? null
            : StallWatch.start(
                config.memtableLimitBytes(),
                this::cacheUsage,
                listener::flushEvents,
                LASTING_STALL);
    if (cache != null) {
      FlushSampling.cacheMade(
          cache, new FlushSampling.Binding(config, writeBufferManager != null, this));
    }
  }

  /**
   * The options of {@code config}: the seed's settings, plus the hard cap when it has a memtable
   * limit, plus a server file's per-column-family profiles and database settings.
   *
   * @throws NullPointerException when {@code config} is null
   */
  public static RocksDbOptions from(RocksDbConfig config) {
    return from(config, Storage.DISK);
  }

  /**
   * The options of {@code config} for a database kept on {@code storage}: {@link
   * #from(RocksDbConfig)} for {@link Storage#DISK}; for {@link Storage#MEMORY} the same options
   * plus an in-memory file system of their own ({@link RocksMemEnv} over {@link Env#getDefault()}),
   * freed by {@link #close()} after the database is closed.
   *
   * @throws NullPointerException when {@code config} or {@code storage} is null
   * @throws IllegalArgumentException when the options would map files or use direct I/O in memory
   */
  public static RocksDbOptions from(RocksDbConfig config, Storage storage) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(storage, "storage");
    RocksDB.loadLibrary();
    Cache cache = null;
    WriteBufferManager manager = null;
    DBOptions db = null;
    FlushSampling.FullMemtableListener listener = null;
    WriteOptions write = null;
    Env env = null;
    try {
      BlockBasedTableConfig table = new BlockBasedTableConfig();
      db = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
      if (config.hasMemtableLimit()) {
        // One budget for blocks and memtables: the manager charges its memtables to this cache.
        cache =
            new LRUCache(
                config.blockCacheSizeBytes() + config.memtableLimitBytes(),
                -1,
                false,
                HIGH_PRI_POOL_RATIO);
        manager = new WriteBufferManager(config.memtableLimitBytes(), cache, true);
        db.setWriteBufferManager(manager)
            .setMaxBackgroundJobs(CAPPED_BACKGROUND_JOBS)
            .setMaxOpenFiles(CAPPED_MAX_OPEN_FILES);
        table
            .setCacheIndexAndFilterBlocks(true)
            .setCacheIndexAndFilterBlocksWithHighPriority(true)
            .setPinL0FilterAndIndexBlocksInCache(true);
      } else {
        cache = new LRUCache(config.blockCacheSizeBytes());
      }
      // A server file's own values win; a toolkit config has none, so the hard-cap rules stand.
      DbSettings settings = config.dbSettings();
      settings.maxBackgroundJobs().ifPresent(db::setMaxBackgroundJobs);
      settings.maxOpenFiles().ifPresent(db::setMaxOpenFiles);
      table.setBlockCache(cache);
      listener = withListener(db);
      write = newWriteOptions(config, WriteAheadLog.ENABLED);
      env = inMemory(db, storage);
      return new RocksDbOptions(config, cache, manager, table, db, listener, write, env);
    } catch (RuntimeException | Error e) {
      closeAll(write, listener, db, manager, cache, env);
      throw e;
    }
  }

  /** For {@link Storage#MEMORY}: a new in-memory environment set on {@code db}; else null. */
  private static Env inMemory(DBOptions db, Storage storage) {
    if (storage == Storage.DISK) {
      return null;
    }
    requireMemoryCompatible(db);
    Env env = new RocksMemEnv(Env.getDefault());
    db.setEnv(env);
    return env;
  }

  /**
   * Refuses database options that RocksDB's in-memory environment cannot serve: it has no files to
   * map ({@code allow_mmap_reads}, {@code allow_mmap_writes}) and no direct I/O ({@code
   * use_direct_reads}, {@code use_direct_io_for_flush_and_compaction}). No config sets these; the
   * check keeps it so if one ever does.
   *
   * @throws IllegalArgumentException naming every such option that is set
   */
  static void requireMemoryCompatible(DBOptions db) {
    List<String> set = new ArrayList<>();
    if (db.allowMmapReads()) {
      set.add("allow_mmap_reads");
    }
    if (db.allowMmapWrites()) {
      set.add("allow_mmap_writes");
    }
    if (db.useDirectReads()) {
      set.add("use_direct_reads");
    }
    if (db.useDirectIoForFlushAndCompaction()) {
      set.add("use_direct_io_for_flush_and_compaction");
    }
    if (!set.isEmpty()) {
      throw new IllegalArgumentException(
          "storage memory cannot serve "
              + String.join(", ", set)
              + ": RocksDB's in-memory environment maps no files and has no direct I/O; turn "
              + (set.size() == 1 ? "it" : "them")
              + " off or use storage disk");
    }
  }

  /**
   * No option set at all, as a program that never configured RocksDB gets: 64 MB write buffers and
   * a block cache of its own for every column family. Only the sampling listener is added (it
   * changes no memory use). For {@link KalamStore#openWithRocksDbDefaults} and comparisons.
   */
  static RocksDbOptions rocksDbDefaults(Storage storage) {
    RocksDB.loadLibrary();
    DBOptions db = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
    FlushSampling.FullMemtableListener listener = withListener(db);
    WriteOptions write = new WriteOptions();
    Env env = inMemory(db, storage);
    return new RocksDbOptions(null, null, null, null, db, listener, write, env);
  }

  private static FlushSampling.FullMemtableListener withListener(DBOptions db) {
    FlushSampling.FullMemtableListener listener = new FlushSampling.FullMemtableListener();
    db.setListeners(List.of(listener));
    return listener;
  }

  /**
   * The database options: create the database and missing column families if needed, the hard cap's
   * write buffer manager, background jobs and open files, and the sampling listener.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public synchronized DBOptions dbOptions() {
    ensureOpen();
    return dbOptions;
  }

  /**
   * The block cache every column family shares: pass it to {@link DatabaseWatch#start} so the watch
   * counts it once and samples at memtable seals and flushes. In hard-cap mode it also holds the
   * memtables' reservations.
   *
   * @throws IllegalStateException after {@link #close()}, or for RocksDB's defaults (no shared
   *     cache)
   */
  public synchronized Cache cache() {
    ensureOpen();
    if (cache == null) {
      throw new IllegalStateException("RocksDB's defaults share no cache");
    }
    return cache;
  }

  /** The cache every column family shares, or {@code null} when each has its own (defaults). */
  Cache sharedCache() {
    return cache;
  }

  /** Where a database opened with these keeps its files; available after close too. */
  public Storage storage() {
    return memoryEnv == null ? Storage.DISK : Storage.MEMORY;
  }

  /** Whether memtables are charged to {@link #sharedCache()} by a write buffer manager. */
  boolean memtablesChargedToCache() {
    return writeBufferManager != null;
  }

  /** Whether these are RocksDB's defaults ({@link #rocksDbDefaults}): no option set at all. */
  boolean usesRocksDbDefaults() {
    return config == null;
  }

  /**
   * The config these options were built from ({@link KalamStore#ROCKSDB_DEFAULTS} for RocksDB's
   * defaults); available after close too.
   */
  public RocksDbConfig config() {
    return config == null ? KalamStore.ROCKSDB_DEFAULTS : config;
  }

  /**
   * Write options per the config: the WAL off when {@code disable_wal} says so, each write synced
   * when {@code sync_writes} says so and the WAL is on. Owned here.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public synchronized WriteOptions writeOptions() {
    ensureOpen();
    return writeOptions;
  }

  /**
   * New options for the column family {@code name}, with the settings of its profile (in a server
   * config, {@code system_meta} for a name the server does not open) and, in hard-cap mode, the
   * arena block size for as many column families as options issued so far, this one included. For a
   * column family created at run time:
   *
   * <pre>{@code
   * ColumnFamilyHandle t42 =
   *     db.createColumnFamily(new ColumnFamilyDescriptor(bytes("t42"), opts.columnFamilyOptions("t42")));
   * }</pre>
   *
   * Owned here until {@link #close()}.
   *
   * @throws IllegalArgumentException for a null or empty name, or one that is not valid UTF-16
   * @throws IllegalStateException after {@link #close()}
   */
  public synchronized ColumnFamilyOptions columnFamilyOptions(String name) {
    requireName(name);
    ensureOpen();
    return newColumnFamilyOptions(name, issued.size() + 1);
  }

  /**
   * One descriptor per name, in order, each with {@link #columnFamilyOptions} of that name and the
   * arena block size for {@code names.size()} column families: the list {@link
   * RocksDB#open(DBOptions, String, List, List)} takes. Include {@code "default"} (RocksDB requires
   * it) and every column family already on disk. The options are owned here until {@link #close()}.
   *
   * @throws IllegalArgumentException for a null or empty name, or one that is not valid UTF-16
   * @throws IllegalStateException after {@link #close()}
   */
  public synchronized List<ColumnFamilyDescriptor> descriptors(Collection<String> names) {
    Objects.requireNonNull(names, "names");
    names.forEach(RocksDbOptions::requireName);
    ensureOpen();
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>(names.size());
    for (String name : names) {
      descriptors.add(
          new ColumnFamilyDescriptor(
              name.getBytes(StandardCharsets.UTF_8), newColumnFamilyOptions(name, names.size())));
    }
    return descriptors;
  }

  private ColumnFamilyOptions newColumnFamilyOptions(String name, int columnFamilyCount) {
    ColumnFamilyOptions options = new ColumnFamilyOptions();
    issued.add(options);
    if (config == null) {
      return options;
    }
    ColumnFamilyProfile profile = config.profileFor(name);
    options
        .setWriteBufferSize(profile.writeBufferSizeBytes())
        .setMaxWriteBufferNumber(profile.maxWriteBufferNumber())
        .setTableFormatConfig(tableConfig);
    if (config.hasMemtableLimit()) {
      options.setArenaBlockSize(arenaBlockSize(config, columnFamilyCount));
    }
    return options;
  }

  /**
   * Applies these options to the {@link Options} of one database that a framework builds and opens
   * itself (Kafka Streams hands a {@code RocksDBConfigSetter} such options for every state store):
   * the write buffers of the base profile ({@link RocksDbConfig#baseProfile()}), the shared {@link
   * #cache()} in the block-based table config the options already carry (changed in place, so the
   * framework's other table settings and its view of the cache stay; a new config only when there
   * is none), a server file's database settings, and in hard-cap mode the write buffer manager,
   * index and filter blocks in the cache, background jobs, open files and the arena block size for
   * {@code columnFamilies} column families under the cap (every database sharing it, this one
   * included), and this object's event listener added to those the options carry (it counts the
   * flushes {@link #lastingStalls()} watches and lets a {@link DatabaseWatch} sample in flush
   * jobs). Every database given the same instance shares the cache and the cap. The objects set
   * stay owned here: close these options only after every such database is closed.
   *
   * @throws IllegalArgumentException when {@code columnFamilies < 1}
   * @throws IllegalStateException after {@link #close()}, or for RocksDB's defaults
   */
  public synchronized void applyTo(Options options, int columnFamilies) {
    Objects.requireNonNull(options, "options");
    if (columnFamilies < 1) {
      throw new IllegalArgumentException("columnFamilies must be >= 1, got " + columnFamilies);
    }
    ensureOpen();
    if (config == null) {
      throw new IllegalStateException("RocksDB's defaults have nothing to apply");
    }
    ColumnFamilyProfile profile = config.baseProfile();
    options
        .setWriteBufferSize(profile.writeBufferSizeBytes())
        .setMaxWriteBufferNumber(profile.maxWriteBufferNumber());
    BlockBasedTableConfig table =
        options.tableFormatConfig() instanceof BlockBasedTableConfig given
            ? given
            : new BlockBasedTableConfig();
    table.setBlockCache(cache);
    if (config.hasMemtableLimit()) {
      table
          .setCacheIndexAndFilterBlocks(true)
          .setCacheIndexAndFilterBlocksWithHighPriority(true)
          .setPinL0FilterAndIndexBlocksInCache(true);
      options
          .setWriteBufferManager(writeBufferManager)
          .setArenaBlockSize(arenaBlockSize(config, columnFamilies))
          .setMaxBackgroundJobs(CAPPED_BACKGROUND_JOBS)
          .setMaxOpenFiles(CAPPED_MAX_OPEN_FILES);
    }
    DbSettings settings = config.dbSettings();
    settings.maxBackgroundJobs().ifPresent(options::setMaxBackgroundJobs);
    settings.maxOpenFiles().ifPresent(options::setMaxOpenFiles);
    options.setTableFormatConfig(table);
    List<AbstractEventListener> listeners = new ArrayList<>(options.listeners());
    if (!listeners.contains(listener)) {
      listeners.add(listener);
    }
    options.setListeners(listeners);
  }

  /** Flushes begun and completed in every database opened with (or given) these options. */
  long flushEvents() {
    return listener.flushEvents();
  }

  /**
   * The name of the profile {@link #columnFamilyOptions} gives the column family {@code name}:
   * {@value RocksDbConfig#TOOLKIT_PROFILE} for a toolkit config and for RocksDB's defaults.
   */
  String profileOf(String name) {
    return config == null ? RocksDbConfig.TOOLKIT_PROFILE : config.profileFor(name).name();
  }

  /**
   * New write options, owned by the caller. The WAL is skipped when either {@code wal} or the
   * config's {@code disable_wal} says so. {@code sync_writes} syncs the WAL on every write, so it
   * applies only while the WAL is on: RocksDB rejects every write that asks for both ("Sync writes
   * has to enable WAL").
   */
  WriteOptions newWriteOptions(WriteAheadLog wal) {
    return newWriteOptions(config, wal);
  }

  private static WriteOptions newWriteOptions(RocksDbConfig config, WriteAheadLog wal) {
    DbSettings settings = config == null ? DbSettings.NONE : config.dbSettings();
    boolean walOff = wal == WriteAheadLog.DISABLED || settings.disableWal();
    return new WriteOptions().setDisableWAL(walOff).setSync(settings.syncWrites() && !walOff);
  }

  /**
   * Whether a database opened with these options should compact every column family right after it
   * opens ({@code compact_on_startup}); {@link KalamStore} does.
   */
  public boolean compactOnStartup() {
    return config != null && config.dbSettings().compactOnStartup();
  }

  /**
   * The arena block size that keeps the first block of every column family together at a quarter of
   * the memtable limit, so the write buffer manager is not pushed into flushing nearly empty
   * memtables (measured: 1 MB default blocks cause a flush storm at 57 column families).
   */
  static long arenaBlockSize(RocksDbConfig config, int columnFamilyCount) {
    long perFamily = config.memtableLimitBytes() / (4L * Math.max(1, columnFamilyCount));
    long aligned = perFamily / MIN_ARENA_BLOCK_BYTES * MIN_ARENA_BLOCK_BYTES;
    return Math.max(MIN_ARENA_BLOCK_BYTES, Math.min(aligned, config.writeBufferSizeBytes()));
  }

  /** Runs {@code sample} at every memtable seal and flush start of a database opened with these. */
  void sampleOnFullMemtables(Runnable sample) {
    listener.add(sample);
  }

  /**
   * The shared cache's figures, read under this object's lock so that {@link #close()} cannot free
   * the cache object under the read; empty once closed (or without a cache of its own). Any thread
   * may call it: the cache outlives every database using it, whoever closes those.
   */
  synchronized Optional<CacheUsage> cacheUsage() {
    if (closed || cache == null) {
      return Optional.empty();
    }
    return Optional.of(new CacheUsage(cache.getUsage(), cache.getPinnedUsage()));
  }

  /** Closes the options of a column family that was dropped (RocksDB copied them at creation). */
  synchronized void release(ColumnFamilyOptions options) {
    if (issued.remove(options)) {
      options.close();
    }
  }

  /**
   * How many times the memtables under this hard cap held its whole limit for 10 s with no flush
   * begun or completed in any database opened with these options: a write buffer manager stall that
   * lasts, during which every writer waits (each is also logged once as a warning on {@code
   * System.Logger} {@code org.kalamdb.store}). Always 0 without a cap. Read also after {@link
   * #close()}.
   */
  public long lastingStalls() {
    return stallWatch == null ? 0 : stallWatch.stalls();
  }

  /** Whether {@link #close()} has run. */
  public synchronized boolean isClosed() {
    return closed;
  }

  /**
   * Frees every object created here, once; later calls do nothing. Close the databases opened with
   * these options (and their handles) first; on disk, closing the options first is harmless (see
   * the class comment) but leaves this object unusable; in memory it frees the files of a database
   * still open, so it must not happen.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (stallWatch != null) {
      stallWatch.stop();
    }
    if (cache != null) {
      FlushSampling.cacheClosed(cache);
    }
    for (ColumnFamilyOptions options : issued) {
      options.close();
    }
    issued.clear();
    // The listener object stays reachable from RocksDB's copy and keeps sampling until the
    // database closes; closing it here only drops this side's reference.
    // The in-memory environment last: it holds the files a database opened with these used.
    closeAll(writeOptions, dbOptions, listener, cache, writeBufferManager, memoryEnv);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("RocksDbOptions are closed");
    }
  }

  private static void requireName(String name) {
    ColumnFamilyName.require(name);
  }

  private static void closeAll(AbstractNativeReference... resources) {
    for (AbstractNativeReference resource : resources) {
      if (resource != null) {
        resource.close();
      }
    }
  }
}

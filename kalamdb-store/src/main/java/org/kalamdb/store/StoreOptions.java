package org.kalamdb.store;

import java.util.ArrayList;
import java.util.List;
import org.kalamdb.config.ColumnFamilyProfile;
import org.kalamdb.config.DbSettings;
import org.kalamdb.config.RocksDbConfig;
import org.rocksdb.AbstractNativeReference;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * Builds the RocksDB option objects of one store from a {@link RocksDbConfig} and owns them: the
 * shared cache, the optional {@link WriteBufferManager}, the {@link DBOptions} and one {@link
 * ColumnFamilyOptions} per column family. It also builds the store's {@link WriteOptions}, which
 * the caller owns. Not thread safe; {@link KalamStore} guards it with its lock.
 *
 * <p>Each column family takes the write buffer size and count of its profile ({@link
 * RocksDbConfig#profileFor}), as written: RocksDB raises values below its minimums itself, and the
 * OPTIONS file then shows what really runs. The database settings of a server file ({@link
 * DbSettings}) are applied when present; the toolkit dialect has none and keeps the rules below.
 */
final class StoreOptions implements AutoCloseable {

  /**
   * Share of the capped cache kept for index and filter blocks, so data blocks cannot evict them.
   */
  static final double HIGH_PRI_POOL_RATIO = 0.1;

  /**
   * Background jobs in hard-cap mode; RocksDB gives a quarter of them to flushes. A cap shared by
   * many column families means many small flushes, each waiting for its fsyncs: measured at 200
   * column families x 4 MB, 1 flush at a time took 60 s, 2 took 33 s, 4 took 23 s.
   */
  static final int CAPPED_BACKGROUND_JOBS = 16;

  /**
   * Table files kept open in hard-cap mode (RocksDB's default, -1, keeps every one open). Each open
   * file holds a table reader outside the cache (about 2.2 KB here, index and filter blocks being
   * in the cache) and a file handle, and with sequential keys the SST count grows with the data:
   * flushes of {@code cap / column families} that never overlap are moved down the levels, never
   * merged. Measured with sequential keys, 200 column families x 4 MB under 32 + 32 MB (3,470 SST
   * files): table readers 7.7 MB and an accounted peak of 73.8 MB with every file open; 0.6 MB
   * (65.8 MB) at 256, 1.1 MB (66.4 MB) at 512, 2.3 MB (67.7 MB) at 1024, 4.5 MB (70.2 MB) at 2048;
   * read-back speed showed no loss at 512 (reads there go file by file; 119-211 MB/s against
   * 120-239 MB/s with every file open, on a loaded machine). 500 column families x 4 MB under 64 +
   * 32 MB: "Too many open files" at 19,469 SST files with every file open; at 512, 11,002 files,
   * table readers 1.1 MB and a peak of 101.4 MB. 512 leaves a reader per file for random reads over
   * a few hundred files at a cost of about 1 MB. rocksdbjni 11.8.1 offers no way to charge table
   * readers to the cache (no cache-usage options for the block-based table), and partitioned or
   * memory-optimized filters change nothing here, as no filter policy is set.
   */
  static final int CAPPED_MAX_OPEN_FILES = 512;

  /** RocksDB rounds arena blocks to this; it is also the smallest block worth allocating. */
  static final long MIN_ARENA_BLOCK_BYTES = 4 << 10;

  private final RocksDbConfig config;
  private final Cache cache;
  private final WriteBufferManager writeBufferManager;
  private final BlockBasedTableConfig tableConfig;
  private final DBOptions dbOptions;
  private final List<ColumnFamilyOptions> issued = new ArrayList<>();
  private boolean closed;

  private StoreOptions(
      RocksDbConfig config,
      Cache cache,
      WriteBufferManager writeBufferManager,
      BlockBasedTableConfig tableConfig,
      DBOptions dbOptions) {
    this.config = config;
    this.cache = cache;
    this.writeBufferManager = writeBufferManager;
    this.tableConfig = tableConfig;
    this.dbOptions = dbOptions;
  }

  /** Options from a config: the seed's settings, plus the hard cap when it has a memtable limit. */
  static StoreOptions forConfig(RocksDbConfig config) {
    Cache cache = null;
    WriteBufferManager manager = null;
    DBOptions db = null;
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
      return new StoreOptions(config, cache, manager, table, db);
    } catch (RuntimeException | Error e) {
      closeAll(db, manager, cache);
      throw e;
    }
  }

  /**
   * No option set at all, as a program that never configured RocksDB gets: 64 MB write buffers and
   * a block cache of its own for every column family. For comparisons only.
   */
  static StoreOptions rocksDbDefaults() {
    DBOptions db = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
    return new StoreOptions(null, null, null, null, db);
  }

  DBOptions dbOptions() {
    return dbOptions;
  }

  /** The cache every column family shares, or {@code null} when each has its own (defaults). */
  Cache sharedCache() {
    return cache;
  }

  /** Whether memtables are charged to {@link #sharedCache()} by a write buffer manager. */
  boolean memtablesChargedToCache() {
    return writeBufferManager != null;
  }

  /**
   * A new options object for the column family {@code name} of a store that will have {@code
   * columnFamilyCount} column families, with the settings of its profile; owned here until {@link
   * #release} or {@link #close}.
   */
  ColumnFamilyOptions newColumnFamilyOptions(String name, int columnFamilyCount) {
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
   * The name of the profile {@link #newColumnFamilyOptions} gives the column family {@code name}:
   * {@value RocksDbConfig#TOOLKIT_PROFILE} for a toolkit config and for RocksDB's defaults.
   */
  String profileOf(String name) {
    return config == null ? RocksDbConfig.TOOLKIT_PROFILE : config.profileFor(name).name();
  }

  /**
   * New write options for the store's writes, owned by the caller. The WAL is skipped when either
   * {@code wal} or the config's {@code disable_wal} says so. {@code sync_writes} syncs the WAL on
   * every write, so it applies only while the WAL is on: RocksDB rejects every write that asks for
   * both ("Sync writes has to enable WAL").
   */
  WriteOptions newWriteOptions(WriteAheadLog wal) {
    DbSettings settings = config == null ? DbSettings.NONE : config.dbSettings();
    boolean walOff = wal == WriteAheadLog.DISABLED || settings.disableWal();
    return new WriteOptions().setDisableWAL(walOff).setSync(settings.syncWrites() && !walOff);
  }

  /**
   * Whether the store compacts every column family right after it opens ({@code
   * compact_on_startup}).
   */
  boolean compactOnOpen() {
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

  /** Closes the options of a column family that was dropped (RocksDB copied them at creation). */
  void release(ColumnFamilyOptions options) {
    if (issued.remove(options)) {
      options.close();
    }
  }

  /** Closes every option object once; call only after the database is closed. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (ColumnFamilyOptions options : issued) {
      options.close();
    }
    issued.clear();
    closeAll(dbOptions, cache, writeBufferManager);
  }

  private static void closeAll(AbstractNativeReference... resources) {
    for (AbstractNativeReference resource : resources) {
      if (resource != null) {
        resource.close();
      }
    }
  }
}

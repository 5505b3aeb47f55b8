package org.kalamdb.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.config.ServerLayout;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * A RocksDB store opened from a {@link RocksDbConfig}, with column families addressed by name and
 * memory measured by RocksDB's own accounting.
 *
 * <p><b>Options.</b> Built by {@link RocksDbOptions} (which says what each setting does and why),
 * the same class an application that opens RocksDB itself uses, so both run the same options from
 * the same config. In hard-cap mode a column family created at run time gets the arena block size
 * for the new count, and each creation resizes the blocks of the two families sized longest ago
 * (for their next memtable), so every family stays sized for at least half the live count; the
 * resizes run after the write lock is released (under the read lock), so reads and writes go on
 * meanwhile. Measurements behind these choices: {@code docs/measurements/rocksdb-options.md}.
 *
 * <p><b>Server files.</b> A config read from a KalamDB {@code server.toml} ({@link
 * Dialect#KALAMDB_SERVER}) gives each column family the write buffer size and count of its profile
 * ({@link #profileOf}; RocksDB raises a buffer below 64 KiB to 64 KiB and a count below 2 to 2),
 * one shared cache of {@code block_cache_size}, and the file's {@code max_background_jobs} and
 * {@code max_open_files}. {@code disable_wal} turns the write-ahead log off (as {@link
 * WriteAheadLog#DISABLED} does), {@code sync_writes} syncs it on every write while it is on, and
 * {@code compact_on_startup} compacts every column family before {@link #open} returns. The hard
 * cap is a toolkit setting only.
 *
 * <p><b>Threads.</b> Every method may be called from any number of threads. Reads and writes run
 * concurrently under a read lock; {@link #createColumnFamily}, {@link #dropColumnFamily} and {@link
 * #close()} take the write lock, so they wait for calls in flight and calls wait for them; a scan
 * callback that waits for another thread's creation, drop or close therefore deadlocks ({@link
 * #scan}).
 *
 * <p><b>Lifetime.</b> The store owns every native object it creates (handles, database, options,
 * cache, write buffer manager) and {@link #close()} frees each exactly once, handles first. Close
 * is idempotent. Any call after close, or racing it and losing, throws {@link
 * IllegalStateException}; nothing touches freed native memory. Handles obtained from {@link #db()}
 * and {@link #columnFamily(String)} are the store's: do not close them. If a user does, every call
 * that would use the closed object throws {@link IllegalStateException} naming it, the background
 * sampler and {@link #close()} leave it alone, and memory is accounted from what is still open. Do
 * not use those objects after the store is closed: that is the one thing the store cannot guard.
 *
 * <p><b>Storage.</b> A store lives on disk ({@link Storage#DISK}, the default) or in memory ({@link
 * Storage#MEMORY}, the {@code open} overloads taking a {@link Storage}): a memory store keeps its
 * files in a {@link org.rocksdb.RocksMemEnv} of its own, made by {@link RocksDbOptions}, writes
 * nothing to disk, creates no directory ({@link #directory()} is only its name in that
 * environment), always starts empty and frees its files at {@link #close()}, after the database and
 * its handles. Everything else works as on disk. The memory its files take is reported as {@link
 * MemoryUsage#inMemoryFileBytes()}, outside {@link MemoryUsage#total()}.
 *
 * <p><b>Memory.</b> {@link #memoryUsage()} reads RocksDB's figures now; {@link #peakMemoryUsage()}
 * is the highest total sampled since open or {@link #resetPeak()}; {@link #recordPeaks()} gives
 * independent high-water marks, e.g. one per budget check. Samples are taken after every MB written
 * through this class, every 100 ms by one background thread shared by all stores, at every memtable
 * seal and flush start (RocksDB's listener), on each call of {@link #peakMemoryUsage()}, and once
 * more in {@link #close()}; a short spike between samples can be missed.
 */
public final class KalamStore implements AutoCloseable {

  /**
   * RocksDB's own defaults in config terms, as returned by {@link #config()} of a store from {@link
   * #openWithRocksDbDefaults}: 64 MB x 2 write buffers, and 32 MB of block cache, but per column
   * family rather than shared.
   */
  public static final RocksDbConfig ROCKSDB_DEFAULTS = new RocksDbConfig(64, 2, 32, 0);

  private final StoreHandles handles;
  private final RocksDbOptions options;
  private final CloseGuard guard;
  private final StorePeaks peaks;
  // Hard-cap mode: the column family count each family's arena block was sized for.
  private final ArenaSizes arenaSizes = new ArenaSizes();

  private KalamStore(StoreHandles handles) {
    this.handles = handles;
    this.options = handles.options();
    this.guard = new CloseGuard(handles.storeName());
    this.peaks = new StorePeaks(handles);
    List<String> names = handles.families().names();
    for (String name : names) {
      arenaSizes.sized(name, names.size());
    }
  }

  /**
   * Opens (or creates) the store in {@code dir}, with the write-ahead log on.
   *
   * @see #open(Path, RocksDbConfig, List, WriteAheadLog)
   */
  public static KalamStore open(Path dir, RocksDbConfig config, List<String> columnFamilies) {
    return open(dir, config, columnFamilies, WriteAheadLog.ENABLED);
  }

  /**
   * Opens (or creates) the store in {@code dir}, creating the directory and any missing column
   * family. Column families found on disk but not listed are opened too, so a store always reopens;
   * {@code "default"} is always open and addressable by that name. A config in the kalamdb-server
   * dialect also opens the six column families a server opens ({@link
   * ServerLayout#COLUMN_FAMILIES}), each with its profile.
   *
   * @param columnFamilies names to open or create; may be empty, may include {@code "default"}
   * @param wal whether {@link #put} and {@link #delete} write the write-ahead log
   * @throws IllegalArgumentException for a null, empty or duplicate name
   * @throws StoreException when RocksDB cannot open the store; nothing is left open
   */
  public static KalamStore open(
      Path dir, RocksDbConfig config, List<String> columnFamilies, WriteAheadLog wal) {
    return open(dir, config, columnFamilies, wal, Storage.DISK);
  }

  /**
   * Opens (or creates) the store on {@code storage}, with the write-ahead log on.
   *
   * @see #open(Path, RocksDbConfig, List, WriteAheadLog, Storage)
   */
  public static KalamStore open(
      Path dir, RocksDbConfig config, List<String> columnFamilies, Storage storage) {
    return open(dir, config, columnFamilies, WriteAheadLog.ENABLED, storage);
  }

  /**
   * Opens the store on {@code storage}: {@link #open(Path, RocksDbConfig, List, WriteAheadLog)} for
   * {@link Storage#DISK}; for {@link Storage#MEMORY} a new, empty store in an in-memory file system
   * of its own, {@code dir} being only its name there (nothing is created on disk).
   *
   * @throws IllegalArgumentException for a null, empty or duplicate name
   * @throws StoreException when RocksDB cannot open the store; nothing is left open
   */
  public static KalamStore open(
      Path dir,
      RocksDbConfig config,
      List<String> columnFamilies,
      WriteAheadLog wal,
      Storage storage) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(storage, "storage");
    return openWith(dir, columnFamilies, wal, () -> RocksDbOptions.from(config, storage));
  }

  /**
   * Opens a store with no RocksDB option set at all (64 MB write buffers, a block cache per column
   * family), as a program that never configured RocksDB does. For measurements and comparisons
   * only: its memory grows with every column family. {@link #config()} then returns {@link
   * #ROCKSDB_DEFAULTS}; memory accounting adds up the per-family caches.
   */
  public static KalamStore openWithRocksDbDefaults(Path dir, List<String> columnFamilies) {
    return openWithRocksDbDefaults(dir, columnFamilies, Storage.DISK);
  }

  /** {@link #openWithRocksDbDefaults(Path, List)} on {@code storage}. */
  public static KalamStore openWithRocksDbDefaults(
      Path dir, List<String> columnFamilies, Storage storage) {
    Objects.requireNonNull(storage, "storage");
    return openWith(
        dir, columnFamilies, WriteAheadLog.ENABLED, () -> RocksDbOptions.rocksDbDefaults(storage));
  }

  private static KalamStore openWith(
      Path dir, List<String> columnFamilies, WriteAheadLog wal, Supplier<RocksDbOptions> options) {
    StoreHandles handles = StoreHandles.open(dir, columnFamilies, wal, options);
    try {
      KalamStore store = new KalamStore(handles);
      store.peaks.start(store.guard);
      return store;
    } catch (RuntimeException e) {
      handles.close();
      throw e;
    }
  }

  /** A RocksDB call that may throw the checked {@link RocksDBException}. */
  @FunctionalInterface
  private interface NativeCall<T> {
    T call() throws RocksDBException;
  }

  /**
   * Runs {@code call} (a read or a write) under the guard's read lock on an open store whose
   * database is open; wraps RocksDB's exception.
   */
  private <T> T guarded(String what, NativeCall<T> call) {
    return guard.whileOpen(
        () -> {
          handles.requireDatabaseOpen();
          try {
            return call.call();
          } catch (RocksDBException e) {
            throw handles.failure(what + " failed", e);
          }
        });
  }

  /**
   * Writes {@code value} under {@code key} in a column family.
   *
   * @throws IllegalArgumentException for an unknown column family
   * @throws IllegalStateException when the store is closed
   * @throws StoreException when RocksDB fails
   */
  public void put(String columnFamily, byte[] key, byte[] value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    guarded(
        "put into column family '" + columnFamily + "'",
        () -> {
          handles.db().put(handles.openHandle(columnFamily), handles.writeOptions(), key, value);
          peaks.wrote((long) key.length + value.length);
          return null;
        });
  }

  /**
   * The value under {@code key}, or {@code null} when there is none.
   *
   * @throws IllegalArgumentException for an unknown column family
   * @throws IllegalStateException when the store is closed
   */
  public byte[] get(String columnFamily, byte[] key) {
    Objects.requireNonNull(key, "key");
    return guarded(
        "get from column family '" + columnFamily + "'",
        () -> handles.db().get(handles.openHandle(columnFamily), key));
  }

  /**
   * Deletes {@code key} from a column family (no error when it is absent).
   *
   * @throws IllegalArgumentException for an unknown column family
   * @throws IllegalStateException when the store is closed
   */
  public void delete(String columnFamily, byte[] key) {
    Objects.requireNonNull(key, "key");
    guarded(
        "delete from column family '" + columnFamily + "'",
        () -> {
          handles.db().delete(handles.openHandle(columnFamily), handles.writeOptions(), key);
          peaks.wrote(key.length);
          return null;
        });
  }

  /**
   * Calls {@code visitor} with every key and value of a column family in key order (unsigned
   * bytewise). The visitor runs under the store's read lock: it may read and write the store, but
   * {@link #close()}, {@link #createColumnFamily} and {@link #dropColumnFamily} from inside it
   * throw {@link IllegalStateException}.
   *
   * <p><b>Deadlock.</b> The visitor must not wait for another thread's {@link #close()}, {@link
   * #createColumnFamily} or {@link #dropColumnFamily} of this store (e.g. through a latch, a future
   * or {@code join}): those wait for the scan to end, so both threads wait forever; nothing detects
   * it. Nor may it wait for another thread's read or write of this store while one of those three
   * may be pending: a waiting creation, drop or close holds back the read lock of threads that do
   * not hold it yet. The visitor's own calls on its own thread are not held back.
   */
  public void scan(String columnFamily, BiConsumer<byte[], byte[]> visitor) {
    scanPrefix(columnFamily, new byte[0], visitor);
  }

  /**
   * Like {@link #scan} but only the keys starting with {@code prefix}, in key order; the visitor
   * runs under the read lock, with {@link #scan}'s rules (and its deadlock).
   *
   * @throws IllegalArgumentException for an unknown column family
   * @throws IllegalStateException when the store is closed
   */
  public void scanPrefix(String columnFamily, byte[] prefix, BiConsumer<byte[], byte[]> visitor) {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(visitor, "visitor");
    guarded(
        "scan of column family '" + columnFamily + "'",
        () -> {
          try (RocksIterator it = handles.db().newIterator(handles.openHandle(columnFamily))) {
            for (it.seek(prefix); it.isValid(); it.next()) {
              byte[] key = it.key();
              if (!startsWith(key, prefix)) {
                break;
              }
              visitor.accept(key, it.value());
            }
            it.status();
          }
          return null;
        });
  }

  private static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  /**
   * Flushes the memtables of every column family to SST files and waits for it.
   *
   * @throws IllegalStateException when the store is closed
   */
  public void flush() {
    guarded(
        "flush",
        () -> {
          try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            List<ColumnFamilyHandle> all = new ArrayList<>();
            for (String name : handles.families().names()) {
              all.add(handles.openHandle(name));
            }
            handles.db().flush(flush, all);
          }
          return null;
        });
  }

  /**
   * Creates a column family with the store's options: the settings of the profile its name takes
   * ({@link #profileOf}; in a server-dialect store, {@code system_meta} for a name the server does
   * not open), and in hard-cap mode the arena block size for the new count. Waits for calls in
   * flight.
   *
   * @throws IllegalArgumentException for a bad name or one that is already open
   * @throws IllegalStateException when the store is closed, or from inside a scan callback
   */
  public void createColumnFamily(String name) {
    ColumnFamilyName.require(name);
    RocksDbConfig config = config();
    guard.exclusive(
        "createColumnFamily",
        () -> {
          handles.create(name);
          if (!config.hasMemtableLimit()) {
            return false;
          }
          arenaSizes.sized(name, handles.families().size());
          return true;
        },
        () -> {
          try {
            arenaSizes.resizeStale(config, handles.db(), handles.families().handles());
          } catch (RocksDBException e) {
            throw handles.failure(
                "created column family '" + name + "' but cannot resize arena blocks", e);
          }
        });
  }

  /**
   * Drops a column family and its data, and closes its handle; later calls naming it throw {@link
   * IllegalArgumentException}. Waits for calls in flight.
   *
   * @throws IllegalArgumentException for an unknown name or {@code "default"}, which RocksDB keeps
   * @throws IllegalStateException when the store is closed, or from inside a scan callback
   */
  public void dropColumnFamily(String name) {
    ColumnFamilyName.require(name);
    guard.exclusive(
        "dropColumnFamily",
        () -> {
          handles.drop(name);
          arenaSizes.forget(name);
          return false;
        },
        () -> {});
  }

  /**
   * Names of the open column families, {@code "default"} first, then in opening order.
   *
   * @throws IllegalStateException when the store is closed
   */
  public List<String> columnFamilyNames() {
    return guarded("columnFamilyNames", handles.families()::names);
  }

  /**
   * Memory used now by RocksDB's figures; also recorded as a peak sample.
   *
   * @throws IllegalStateException when the store is closed, or its database was closed through
   *     {@link #db()}
   */
  public MemoryUsage memoryUsage() {
    return guarded("memoryUsage", peaks::sample);
  }

  /**
   * The sample with the highest {@link MemoryUsage#total()} since open or {@link #resetPeak()},
   * after taking a sample now (so it is never below {@link #memoryUsage()} of this moment). When
   * the database was closed through {@link #db()}, no sample is taken: the peak is the highest seen
   * before.
   *
   * @throws IllegalStateException when the store is closed
   */
  public MemoryUsage peakMemoryUsage() {
    return guard.whileOpen(peaks::peak);
  }

  /**
   * Lasting write stalls under this store's memtable cap since it opened ({@link
   * RocksDbOptions#lastingStalls()}): times the memtables held the whole limit for 10 s with no
   * flush, every write waiting. Always {@code 0} without a cap; readable after {@link #close()}.
   */
  public long lastingStalls() {
    return options.lastingStalls();
  }

  /**
   * Starts a new peak from the usage of this moment (from the last sample when the database was
   * closed through {@link #db()}). Recorders from {@link #recordPeaks()} keep theirs.
   *
   * @throws IllegalStateException when the store is closed
   */
  public void resetPeak() {
    guard.whileOpen(
        () -> {
          peaks.reset();
          return null;
        });
  }

  /**
   * A new high-water mark of this store, independent of {@link #peakMemoryUsage()} and of every
   * other recorder: it starts at a sample taken now and is fed by every later sample, including one
   * last sample {@link #close()} takes before it frees anything, so {@link PeakRecorder#peak()}
   * also covers the end of a store its user closed. Close the recorder when done with it (its peak
   * stays readable); the store forgets it.
   *
   * @throws IllegalStateException when the store is closed
   */
  public PeakRecorder recordPeaks() {
    return guard.whileOpen(peaks::newRecorder);
  }

  /**
   * The open database, for anything this class does not offer. Owned by the store: do not close it
   * (if you do, every later call of the store throws {@link IllegalStateException} saying so, and
   * {@link #close()} frees the rest without touching it). Using the returned object after the
   * <em>store</em> is closed is the one thing no wrapper can guard: RocksDB's Java objects do not
   * check that they are open, so that crashes the JVM.
   *
   * @throws IllegalStateException when the store is closed, or the database was closed through this
   */
  public RocksDB db() {
    return guarded("db", handles::db);
  }

  /**
   * The handle of an open column family. Owned by the store: do not close it (if you do, the
   * store's calls on that family throw {@link IllegalStateException} saying so) and do not use it
   * after dropping the family. Using it after the <em>store</em> is closed is the one thing no
   * wrapper can guard: RocksDB's Java objects do not check that they are open, so that crashes the
   * JVM.
   *
   * @throws IllegalArgumentException for an unknown column family, naming the known ones
   * @throws IllegalStateException when the store is closed, or the handle or the database was
   *     closed by its user
   */
  public ColumnFamilyHandle columnFamily(String name) {
    return guarded("columnFamily", () -> handles.openHandle(name));
  }

  /**
   * The profile whose settings the column family was opened with (write buffer size and count): in
   * a toolkit store, {@value RocksDbConfig#TOOLKIT_PROFILE} for every column family; in a
   * kalamdb-server store, the profile of {@link org.kalamdb.config.ServerLayout#profileOf} ({@code
   * hot_data} for {@code hot_data}, {@code raft} for {@code raft_data}, {@code system_meta} for
   * {@code default} and for any name the server does not open). The profile follows from the name
   * and the config alone, so this answers for any name, also after close, and for a family not (or
   * no longer) open gives the profile it would be created with.
   *
   * @throws IllegalArgumentException for a null or empty name
   */
  public String profileOf(String columnFamily) {
    ColumnFamilyName.require(columnFamily);
    return options.profileOf(columnFamily);
  }

  /**
   * {@code usage} as one line for people: {@link MemoryUsage#describe()}, and in a kalamdb-server
   * store each listed column family followed by its profile, e.g. {@code largest CFs: hot_data 0.4
   * MB (profile hot_data), t7 0.1 MB (profile system_meta)}. A toolkit store, whose column families
   * all share one profile, gives exactly {@link MemoryUsage#describe()}.
   */
  public String describe(MemoryUsage usage) {
    Objects.requireNonNull(usage, "usage");
    return showsProfiles() ? usage.describe(this::profileOf) : usage.describe();
  }

  // Only a kalamdb-server store has column families with different profiles worth naming.
  private boolean showsProfiles() {
    return config().dialect() == Dialect.KALAMDB_SERVER;
  }

  /** The directory of the store's files; available after close too. */
  public Path directory() {
    return handles.directory();
  }

  /**
   * The config the store was opened with ({@link #ROCKSDB_DEFAULTS} for {@link
   * #openWithRocksDbDefaults}); available after close too.
   */
  public RocksDbConfig config() {
    return options.config();
  }

  /** Whether the store was opened with {@link #openWithRocksDbDefaults} (no options at all). */
  public boolean usesRocksDbDefaults() {
    return options.usesRocksDbDefaults();
  }

  /** Where the store keeps its files: {@link Storage#DISK} or {@link Storage#MEMORY}. */
  public Storage storage() {
    // The options know it, and answer after close too.
    return options.storage();
  }

  /** Whether {@link #close()} has run. */
  public boolean isClosed() {
    return guard.isClosed();
  }

  /**
   * Waits for calls in flight, takes one last sample for {@link #peakMemoryUsage()} and every
   * {@link PeakRecorder}, then frees every native object once: column family handles, the database
   * (which flushes memtables holding unlogged writes), write options, column family and database
   * options, the cache, the write buffer manager and, last, a memory store's in-memory file system
   * with its files. Handles or a database its user already closed are neither sampled nor closed
   * again. Later calls do nothing.
   *
   * @throws IllegalStateException when called from inside a scan callback of this store
   */
  @Override
  public void close() {
    guard.refuseInsideCall("close");
    peaks.stop();
    guard.closeOnce(peaks::lastSample, handles::close);
  }

  @Override
  public String toString() {
    return "KalamStore["
        + directory()
        + (storage() == Storage.MEMORY ? ", storage memory" : "")
        + (isClosed() ? ", closed]" : "]");
  }
}

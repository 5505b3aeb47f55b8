package org.kalamdb.store;

import java.nio.file.Path;
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

/**
 * A RocksDB store opened from a {@link RocksDbConfig}, with column families addressed by name and
 * memory measured by RocksDB's own accounting.
 *
 * <p><b>Options.</b> Built by {@link RocksDbOptions}, which says what each setting does and why in
 * both dialects (from a KalamDB {@code server.toml}, each column family takes its profile: {@link
 * #profileOf}); an application that opens RocksDB itself uses the same class, so both run the same
 * options from the same config. In hard-cap mode the arena blocks of all column families stay sized
 * for the live count as families are created at run time. Measurements behind these choices: {@code
 * docs/measurements/rocksdb-options.md}.
 *
 * <p><b>Threads.</b> Every method may be called from any number of threads. Reads and writes run
 * concurrently under a read lock; {@link #createColumnFamily}, {@link #dropColumnFamily} and {@link
 * #close()} take the write lock, so they wait for calls in flight and calls wait for them; a scan
 * callback that waits for another thread's creation, drop or close therefore deadlocks ({@link
 * #scan}).
 *
 * <p><b>Lifetime.</b> The store owns every native object it creates and {@link #close()} frees each
 * exactly once. Any call after close, or racing it and losing, throws {@link
 * IllegalStateException}; nothing touches freed native memory. The objects {@link #db()} and {@link
 * #columnFamily(String)} return are the store's too: if a user closes one, the calls that would use
 * it throw {@link IllegalStateException} naming it, the sampler and {@link #close()} leave it
 * alone, and memory is accounted from what is still open.
 *
 * <p><b>Storage.</b> A store lives on disk ({@link Storage#DISK}, the default) or in memory ({@link
 * Storage#MEMORY}, the {@code open} overloads taking a {@link Storage}); everything works the same,
 * and the memory a memory store's files take is {@link MemoryUsage#inMemoryFileBytes()}, outside
 * {@link MemoryUsage#total()}.
 *
 * <p><b>Memory.</b> {@link #memoryUsage()} reads RocksDB's figures now; {@link #peakMemoryUsage()}
 * and each {@link #recordPeaks()} keep the highest of the samples taken after every MB written
 * through this class, every 100 ms by one background thread shared by all stores, at every memtable
 * seal and flush start, on each call of {@link #peakMemoryUsage()}, and once more in {@link
 * #close()}; a short spike between samples can be missed.
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
  private final StoreCalls calls;
  private final StorePeaks peaks;
  private final ArenaResizing arena;

  private KalamStore(StoreHandles handles) {
    this.handles = handles;
    this.options = handles.options();
    this.guard = new CloseGuard(handles.storeName());
    this.calls = new StoreCalls(guard, handles);
    this.peaks = new StorePeaks(handles);
    this.arena = new ArenaResizing(handles);
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
   * ServerLayout#COLUMN_FAMILIES}), each with its profile, and with {@code compact_on_startup}
   * compacts every column family before returning.
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
    calls.run(
        "put into column family '" + columnFamily + "'",
        () -> {
          handles.db().put(handles.openHandle(columnFamily), handles.writeOptions(), key, value);
          peaks.wrote((long) key.length + value.length);
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
    return calls.get(
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
    calls.run(
        "delete from column family '" + columnFamily + "'",
        () -> {
          handles.db().delete(handles.openHandle(columnFamily), handles.writeOptions(), key);
          peaks.wrote(key.length);
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
    calls.run(
        "scan of column family '" + columnFamily + "'",
        () -> {
          PrefixScan.run(handles.db(), handles.openHandle(columnFamily), prefix, visitor);
        });
  }

  /**
   * Flushes the memtables of every column family to SST files and waits for it.
   *
   * @throws IllegalStateException when the store is closed
   */
  public void flush() {
    calls.run(
        "flush",
        () -> {
          try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
            handles.db().flush(flush, handles.openHandles());
          }
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
    guard.exclusive(
        "createColumnFamily",
        () -> {
          handles.create(name);
          return arena.created(name);
        },
        () -> arena.resizeStale(name));
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
          arena.dropped(name);
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
    return calls.get("columnFamilyNames", handles.families()::names);
  }

  /**
   * Memory used now by RocksDB's figures; also recorded as a peak sample.
   *
   * @throws IllegalStateException when the store is closed, or its database was closed through
   *     {@link #db()}
   */
  public MemoryUsage memoryUsage() {
    return calls.get("memoryUsage", peaks::sample);
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
   * (see Lifetime above for what happens if you do), and do not use it after the <em>store</em> is
   * closed: RocksDB's Java objects do not check that they are open, so that crashes the JVM.
   *
   * @throws IllegalStateException when the store is closed, or the database was closed through this
   */
  public RocksDB db() {
    return calls.get("db", handles::db);
  }

  /**
   * The handle of an open column family. Owned by the store: do not close it (see Lifetime above)
   * and do not use it after dropping the family or after the <em>store</em> is closed, which
   * crashes the JVM, as with {@link #db()}.
   *
   * @throws IllegalArgumentException for an unknown column family, naming the known ones
   * @throws IllegalStateException when the store is closed, or the handle or the database was
   *     closed by its user
   */
  public ColumnFamilyHandle columnFamily(String name) {
    return calls.get("columnFamily", () -> handles.openHandle(name));
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

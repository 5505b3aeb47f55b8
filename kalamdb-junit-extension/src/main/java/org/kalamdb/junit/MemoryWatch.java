package org.kalamdb.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.kalamdb.store.DatabaseWatch;
import org.kalamdb.store.MemorySource;
import org.kalamdb.store.SourceWatch;
import org.rocksdb.Cache;
import org.rocksdb.RocksDB;

/**
 * {@code MemoryWatch} can be declared as a parameter of a test method or lifecycle method of a
 * class that uses {@link KalamStoreTest} (or {@code @ExtendWith(KalamStoreExtension.class)}), to
 * put a RocksDB database that the code under test opened itself under the test's memory budget,
 * just like a {@link TempStore} store:
 *
 * <pre>{@code
 * @KalamStoreTest(memoryBudgetMb = 64)
 * class RepositoryTest {
 *     @Test
 *     void manyTables(@TempStore Path dir, MemoryWatch memory) throws Exception {
 *         try (Repository repo = Repository.open(dir, config)) {   // the application's own code
 *             memory.watch("repo", repo.db(), repo.cache());        // checked after the test
 *             ...
 *         }
 *     }
 * }
 * }</pre>
 *
 * <h2>Scope</h2>
 *
 * <p>A parameter of a test method, or of a {@code @BeforeEach} or {@code @AfterEach} method, gets
 * the watch of that test: one per test, the same instance in all three. A parameter of a
 * {@code @BeforeAll} or {@code @AfterAll} method gets the watch of the class: its databases are
 * checked after every test of the class and of its {@code @Nested} classes, their peaks reset
 * before each test, as for a static {@code @TempStore} field. A constructor parameter is a
 * configuration error.
 *
 * <h2>The budget check</h2>
 *
 * <p>Right after the test method, before {@code @AfterEach} methods run, each watched database is
 * checked on its own: the highest accounted memory sampled since the test started (or since the
 * database was watched) must not exceed its budget. The budget and the config come from the same
 * places as a store's, without the {@code @TempStore} level:
 * {@code @KalamStoreTest(memoryBudgetMb)} on the test method, then on its class and enclosing
 * classes; configuration parameter {@code kalamdb.store.memory-budget-mb}; else the worst case of
 * the test's config ({@code @KalamStoreTest(config)}, configuration parameter {@code
 * kalamdb.store.config}, {@code config.toml} on the test class path, defaults; dialect as for a
 * store) for the column families the database has at the check ({@link
 * org.kalamdb.config.MemoryModel#worstCaseMb}). A database over budget fails the test with an
 * {@link org.opentest4j.AssertionFailedError} such as:
 *
 * <pre>
 * database 'repo' used 71.2 MB at peak, over its budget of 64 MB (@KalamStoreTest on class
 * RepositoryTest memoryBudgetMb); memtables 38.9 MB, block cache 30.1 MB, table readers 2.2 MB;
 * config: src/test/resources/config.toml
 * </pre>
 *
 * (RocksDB gives per-column-family figures only through the database's handles, which the watch
 * does not have, so the message names no column family.)
 *
 * <p>(one line; several failing stores and databases give one line each). Each database is reported
 * like a store, as report entries {@code kalamdb.store.NAME.peak-bytes} and {@code
 * kalamdb.store.NAME.budget-bytes} and as a line {@code [kalamdb] database 'repo' peak 3.1 MB of
 * its budget of 64 MB (...)} on standard output (unless {@code kalamdb.store.report-stdout=false}).
 * A name used twice in one test (by stores or databases) gets {@code #2}, {@code #3} in its entry
 * names, in the order checked. With two or more databases, their sum is reported too: entry {@code
 * kalamdb.store.watched-databases.peak-bytes} and a line {@code [kalamdb] databases 'a', 'b'
 * together peak 5.0 MB (the sum of their peaks)}; the sum is not checked against a budget.
 *
 * <h2>What is done with the database</h2>
 *
 * <p>It is sampled by a {@link DatabaseWatch}, only where the test's close cannot free it under the
 * call: on the test's thread at the start of each test and right after the test method, on {@link
 * DatabaseWatch#sampleNow()} on the caller's thread, and, when it was opened with {@link
 * org.kalamdb.store.RocksDbOptions}, at the start of each of its flushes, inside the flush job (a
 * closing database waits for it). No background thread calls RocksDB on it; a cache given that is
 * the {@link org.kalamdb.store.RocksDbOptions#cache()} of open options is read every 100 ms through
 * those options. So the test may close the database whenever it likes, from any thread, provided a
 * thread of its own that closes it has finished when the test method returns (the check reads an
 * open database on the test's thread): a database closed before the check is judged on the peak it
 * reached before its close. Memory that came and went between two samples is not seen: before
 * closing a database right after filling it, call {@link DatabaseWatch#sampleNow()} on the watch
 * {@link #watch} returned, so that its last state counts. The extension never closes it: close it
 * in the test (e.g. with try-with-resources) or in {@code @AfterEach}, before the {@code @TempStore
 * Path} it lives in is deleted. The watch stops when its scope ends: after the test
 * ({@code @AfterEach} included), or for a class watch after the class.
 *
 * <h2>Thread safety</h2>
 *
 * <p>Safe for use from several threads, also under JUnit's parallel execution.
 */
public final class MemoryWatch {
  private final StoreSettings settings;
  private final JvmStores.Owner owner;
  private final List<WatchedDatabase> databases = new ArrayList<>();
  private String refusal;
  private boolean closed;

  /**
   * Created by the extension only, with the settings its databases are checked against and the test
   * (or class) they belong to in the JVM-wide sum.
   */
  MemoryWatch(StoreSettings settings, JvmStores.Owner owner) {
    this.settings = settings;
    this.owner = owner;
  }

  /**
   * Puts {@code db} under the test's budget: from now on it is sampled, and right after the test
   * method it is checked as described in the {@linkplain MemoryWatch class documentation}.
   *
   * @param name names the database in messages and report entries, e.g. {@code "repo"}
   * @param db the open database; the caller keeps it and closes it
   * @param sharedCaches block caches its column families share (e.g. {@link
   *     org.kalamdb.store.RocksDbOptions#cache()}), each counted once; none when each column family
   *     has its own cache
   * @return the watch of the database, to look at its figures in the test (e.g. {@link
   *     DatabaseWatch#peak()}); the check keeps its own peak, so neither {@link
   *     DatabaseWatch#resetPeak()} nor {@link DatabaseWatch#close()} on it lowers the peak checked,
   *     and closing it only stops the sampling early
   * @throws IllegalArgumentException for a blank name
   * @throws IllegalStateException when {@code db} or a cache is already closed, or when no check is
   *     left to judge the database: in {@code @AfterEach} methods (the check already ran), in
   *     {@code @AfterAll} methods, and once the watch's scope has ended
   */
  public DatabaseWatch watch(String name, RocksDB db, Cache... sharedCaches) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(db, "db");
    Objects.requireNonNull(sharedCaches, "sharedCaches");
    return add(
        "database",
        name,
        () -> DatabaseWatch.start(name, db, sharedCaches),
        watch -> WatchedDatabase.of(name, watch, settings, db, owner));
  }

  /**
   * Puts a {@link MemorySource} under the test's budget, like a database: from now on it is sampled
   * (every 100 ms in the background, and on the test's thread at the test's start and right after
   * the test method), and right after the test method it is checked as described in the {@linkplain
   * MemoryWatch class documentation}, as {@code source 'NAME'}; a failure lists its largest parts
   * (the entries of its {@link org.kalamdb.store.MemoryUsage#memTableBytesByColumnFamily()}, e.g. a
   * Kafka Streams application's stores) where a store's lists column families. Without a budget of
   * its own it gets the worst case of the test's config for as many column families as it has
   * parts. The source's contract ({@link MemorySource}) makes sampling it safe on any thread.
   *
   * @param name names the source in messages and report entries, e.g. {@code "app"}
   * @param source what to sample; the caller keeps whatever it measures
   * @return the watch of the source, to look at its figures in the test
   * @throws IllegalArgumentException for a blank name
   * @throws IllegalStateException when no check is left to judge the source (as for a database)
   */
  public SourceWatch watch(String name, MemorySource source) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    return add(
        "source",
        name,
        () -> SourceWatch.start(name, source),
        watch -> WatchedDatabase.of(name, watch, settings, owner));
  }

  /**
   * Starts a watch of a {@code kind} ({@code database}, {@code source}) and keeps it for the check,
   * under the lock {@link #refuseNewDatabases} takes, so none starts once refused.
   */
  private <W> W add(
      String kind, String name, Supplier<W> start, Function<W, WatchedDatabase> watched) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("the name of a watched " + kind + " must not be blank");
    }
    synchronized (this) {
      if (refusal != null) {
        throw new IllegalStateException("cannot watch " + kind + " '" + name + "' now: " + refusal);
      }
      W watch = start.get();
      databases.add(watched.apply(watch));
      return watch;
    }
  }

  /** The databases watched so far, in order. */
  synchronized List<WatchedDatabase> databases() {
    return List.copyOf(databases);
  }

  /** Starts a new peak of every database, before each test. */
  synchronized void resetPeaks() {
    databases.forEach(WatchedDatabase::resetPeak);
  }

  /** Refuses databases from now on, with {@code reason} in the error. */
  synchronized void refuseNewDatabases(String reason) {
    if (refusal == null) {
      refusal = reason;
    }
  }

  /** Stops watching every database (never closes one); later calls do nothing. */
  void stop() {
    List<WatchedDatabase> toStop;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      refuseNewDatabases("its scope has ended");
      toStop = List.copyOf(databases);
    }
    List<RuntimeException> failures = new ArrayList<>();
    for (WatchedDatabase database : toStop) {
      try {
        database.close();
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    Failures.throwIfAny(failures);
  }

  @Override
  public synchronized String toString() {
    return "MemoryWatch" + databases.stream().map(WatchedDatabase::name).toList();
  }
}

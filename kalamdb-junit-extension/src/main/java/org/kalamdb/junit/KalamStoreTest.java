package org.kalamdb.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class or test method temporary {@link org.kalamdb.store.KalamStore}s and checks,
 * right after every test method (before {@code @AfterEach} methods run), that each store the test
 * could use and each database it handed to a {@link MemoryWatch} stayed within its memory budget.
 *
 * <p>Registers {@link KalamStoreExtension}. On a class it applies to every test of the class, of
 * its subclasses ({@link Inherited}) and of its {@code @Nested} classes; on a method, to that
 * method only. Stores are declared with {@link TempStore} on fields, or as parameters of type
 * {@code KalamStore} of constructors, test methods and lifecycle methods (the {@code @TempStore}
 * annotation is optional on a parameter). {@code @TempStore Path} declares an empty directory
 * instead, and a {@link MemoryWatch} parameter puts databases the test opened itself under the same
 * budgets. See {@link TempStore} for scopes, cleanup and the failure message, and {@link
 * MemoryWatch} for watched databases.
 *
 * <h2>Settings and their precedence</h2>
 *
 * <p>The attributes here are defaults for every store of the annotated element (and, but for column
 * families, for every database of its {@link MemoryWatch}); each attribute is resolved on its own,
 * from the first place that sets it:
 *
 * <ol>
 *   <li>the store's own {@link TempStore} annotation;
 *   <li>{@code @KalamStoreTest} on the test method (stores of that test only);
 *   <li>{@code @KalamStoreTest} on the test class, then on its enclosing classes, innermost first;
 *   <li>configuration parameters ({@code kalamdb.store.config}, {@code
 *       kalamdb.store.memory-budget-mb}, {@code kalamdb.store.dialect}, {@code
 *       kalamdb.store.storage});
 *   <li>for the config: a {@code config.toml} resource on the test class path, else {@link
 *       org.kalamdb.config.RocksDbConfig#defaults()} (with dialect {@code kalamdb-server}, {@link
 *       org.kalamdb.config.RocksDbConfig#serverDefaults()}); for the dialect: detected from the
 *       file; for the budget: the worst case of the store's config for the column families the
 *       store has when it is checked ({@link org.kalamdb.config.MemoryModel#worstCaseMb}); for
 *       column families: none besides {@code default} (the server's six for a config in the {@code
 *       kalamdb-server} dialect); for the storage: disk.
 * </ol>
 *
 * <h2>Configuration parameters</h2>
 *
 * <ul>
 *   <li>{@code kalamdb.store.config}: config file used where no annotation names one (same syntax
 *       as {@link #config()});
 *   <li>{@code kalamdb.store.memory-budget-mb}: budget in MB where no annotation sets one; a
 *       positive integer;
 *   <li>{@code kalamdb.store.dialect}: dialect of the config file where no annotation sets one,
 *       {@code toolkit} or {@code kalamdb-server}; see {@link #dialect()};
 *   <li>{@code kalamdb.store.cleanup}: {@code always} (default), {@code on_success} or {@code
 *       never}, case-insensitive; see {@link TempStore};
 *   <li>{@code kalamdb.store.base-dir}: directory the stores are created under; default {@code
 *       java.io.tmpdir}; created when missing;
 *   <li>{@code kalamdb.store.report-stdout}: {@code true} (default) or {@code false}, whether each
 *       store's peak is also printed on standard output, where Surefire's XML report keeps it;
 *   <li>{@code kalamdb.store.storage}: {@code disk} (default) or {@code memory}, case-insensitive,
 *       where no annotation sets it; see {@link #storage()};
 *   <li>{@code kalamdb.store.memory-files-in-budget}: {@code false} (default) or {@code true},
 *       whether a memory store's budget also counts the memory its files hold ({@link
 *       org.kalamdb.store.MemoryUsage#inMemoryFileBytes()}); see {@link #storage()};
 *   <li>{@code kalamdb.store.jvm-budget-mb}: a budget in MB (a positive integer) for the sum of
 *       every live store and watched database of the test JVM; none by default (see below);
 *   <li>{@code kalamdb.store.report}: {@code true} (default) or {@code false}, whether the run
 *       writes its memory report (see below);
 *   <li>{@code kalamdb.store.report-dir}: the directory of the report; default {@code
 *       target/kalamdb-reports}, relative to the working directory (the module's directory under
 *       Surefire); created when missing;
 *   <li>{@code kalamdb.store.report-id}: names the report {@code kalamdb-memory-ID.json} instead of
 *       {@code kalamdb-memory.json}, so that Surefire forks and CI shards each write their own
 *       (letters, digits, {@code .}, {@code -} and {@code _}).
 * </ul>
 *
 * <h2>The JVM-wide budget</h2>
 *
 * <p>Every store the extension opens and every database watched through {@link MemoryWatch} is
 * counted, while it lives, in one sum for the whole JVM: RocksDB's accounted memory ({@link
 * org.kalamdb.store.MemoryUsage#total()}, as a store's budget counts it), each at its highest
 * sample since the previous look, looked at every 25 ms in the background and once more at each
 * test's budget check. With {@code kalamdb.store.jvm-budget-mb} set, the moment the sum goes from
 * at most the budget to over it is a crossing, and the budget check of each test running then (from
 * the extension's {@code beforeEach} to the check) fails it with a message naming the budget, the
 * sum, and every store and watched database alive then with its share and its test, largest first:
 *
 * <pre>
 * the JVM-wide sum of RocksDB memory went over its budget of 7 MB (configuration parameter
 * kalamdb.store.jvm-budget-mb) during this test: 9.0 MB in 2 stores and watched databases: store
 * 'big' of ThreeTests.large() 6.0 MB, store 'shared' of ThreeTests 3.0 MB
 * </pre>
 *
 * <p>Tests that run while the sum merely stays over the budget do not fail again: only a new
 * crossing, after the sum came back under, fails the tests running then. A crossing while no test
 * runs (in {@code @BeforeAll}, {@code @AfterEach}, between tests) fails the next test checked; one
 * after the last test is printed as a warning. Memory that came and went between two samples of a
 * store is not seen.
 *
 * <h2>The memory report</h2>
 *
 * <p>When the engine finishes, every run writes {@code target/kalamdb-reports/kalamdb-memory.json}
 * ({@link org.kalamdb.report.MemoryReportJson}): every test with its status, failure message and
 * stores (budget and its source, peak by component), the JVM-wide sum over the run (a point per
 * change, at most a few thousand) with each test's start and end, and the JVM-wide budget's
 * crossings. A report that cannot be written costs one warning line on standard error, never a
 * test.
 *
 * <p>A bad value fails the tests concerned with an {@link
 * org.junit.jupiter.api.extension.ExtensionConfigurationException} naming the parameter, the value
 * and what is accepted.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KalamStoreExtension.class)
public @interface KalamStoreTest {

  /**
   * The config file of the stores: a path resolved against the working directory (for Maven and
   * Gradle, the module directory), or {@code classpath:name} for a resource of the test class path.
   * Only its {@code [rocksdb]} section (toolkit dialect) or its {@code [storage.rocksdb]} section
   * (a KalamDB {@code server.toml}, dialect {@code kalamdb-server}) is read; see {@link
   * #dialect()}. An unreadable or invalid file fails the test with every located diagnostic of the
   * file. {@code ""} (the default) means not set here.
   */
  String config() default "";

  /**
   * The budget in MB each store's (and each watched database's) peak accounted memory must stay
   * within during a test. {@code -1} (the default) and {@code 0} mean not set here; any other
   * negative value is a configuration error.
   */
  long memoryBudgetMb() default -1;

  /**
   * Column families every store is opened with, besides {@code default}. Empty (the default) means
   * not set here.
   */
  String[] columnFamilies() default {};

  /**
   * The dialect the config file is read in: {@code "toolkit"} ({@code [rocksdb]}, sizes in MB) or
   * {@code "kalamdb-server"} ({@code [storage.rocksdb]} of a KalamDB {@code server.toml}, sizes in
   * bytes, one profile per column family), case-insensitive like {@link #storage()}. {@code ""}
   * (the default) means not set here; where nothing sets it, it is detected from the file ({@link
   * org.kalamdb.config.RocksDbConfig#load(java.nio.file.Path)}), and a file with both sections is
   * an error. Precedence: {@link TempStore#dialect()} > this attribute (method, then class, then
   * enclosing classes) > configuration parameter {@code kalamdb.store.dialect} > detected. A
   * dialect given reads only its own section, so it also picks one section of a file that has both.
   *
   * <p>With {@code kalamdb-server}: no config file at all gives {@link
   * org.kalamdb.config.RocksDbConfig#serverDefaults()} (named {@code kalamdb-server defaults} in
   * messages), and a file without {@code [storage.rocksdb]} gives those defaults too. A store whose
   * config is in the server dialect is opened with the six column families the server opens ({@link
   * org.kalamdb.config.ServerLayout#COLUMN_FAMILIES}), each with its profile, plus those of {@link
   * #columnFamilies()}, whose other names take the {@code system_meta} profile. The budget failure
   * message of such a store names each listed column family's profile.
   *
   * <p>An unknown name fails the test with an {@link
   * org.junit.jupiter.api.extension.ExtensionConfigurationException} naming the attribute and the
   * known dialects.
   */
  String dialect() default "";

  /**
   * Where the stores keep their files: {@code "disk"} or {@code "memory"}, case-insensitive; empty
   * (the default) means not set here. Another value fails the test with an {@link
   * org.junit.jupiter.api.extension.ExtensionConfigurationException} naming the attribute and the
   * valid values. Precedence: {@link TempStore#storage()} > this attribute (method, then class,
   * then enclosing classes) > configuration parameter {@code kalamdb.store.storage} > disk.
   *
   * <p>A memory store lives in a RocksDB in-memory file system of its own ({@link
   * org.kalamdb.store.Storage#MEMORY}): no directory is created, nothing is written to disk, and
   * closing the store frees its files, so {@code kalamdb.store.cleanup} keeps nothing of it ({@code
   * on_success} and {@code never} apply to disk stores). Options, budgets, injection, scopes,
   * cleanup, report entries and failure messages are those of a disk store; messages and printed
   * lines add {@code storage memory}, and each test publishes {@code kalamdb.store.NAME.storage}
   * ({@code memory}) and {@code kalamdb.store.NAME.in-memory-file-bytes} for it. The budget counts
   * what RocksDB's own accounting counts ({@link org.kalamdb.store.MemoryUsage#total()}), not the
   * files' memory, unless configuration parameter {@code kalamdb.store.memory-files-in-budget} is
   * {@code true}: the peak sample's files are then added to its total. The failure message names
   * the files' memory in both cases. A {@code @TempStore Path} is a real directory whatever this
   * says (code that opens its own database there writes to disk); {@code @TempStore(storage = ...)}
   * on a {@code Path} is a configuration error.
   */
  String storage() default "";
}

package org.kalamdb.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a temporary {@link org.kalamdb.store.KalamStore}, or a temporary empty directory ({@link
 * java.nio.file.Path}) for code that opens its own database, in a test class that uses {@link
 * KalamStoreTest} (or {@code @ExtendWith(KalamStoreExtension.class)}).
 *
 * <h2>Where it may appear, and how long the store lives</h2>
 *
 * <ul>
 *   <li><b>Instance field</b> (non-final, type {@code KalamStore} or {@code Path}, any visibility):
 *       a new store for every test, set before {@code @BeforeEach} methods run and closed after the
 *       test. In a {@code @Nested} test, fields of the enclosing instances are set too.
 *   <li><b>Static field</b>: one store for the class (and its {@code @Nested} classes), set before
 *       {@code @BeforeAll} methods run and closed after the class.
 *   <li><b>Parameter</b> of type {@code KalamStore} or {@code Path} of a test method,
 *       {@code @BeforeEach} or {@code @AfterEach} method: a new store for that test. Of a
 *       {@code @BeforeAll} or {@code @AfterAll} method: a store for the class. Of a constructor: a
 *       store for that test instance, closed when the instance is destroyed. On a {@code
 *       KalamStore} parameter the annotation is optional; use it to set attributes. A {@code Path}
 *       parameter needs it.
 * </ul>
 *
 * <h2>A directory: {@code @TempStore Path}</h2>
 *
 * <p>A field or parameter of type {@link java.nio.file.Path} gets a fresh, empty directory, created
 * where a store would be (under {@code kalamdb.store.base-dir}, named after the declaration) and
 * with a store's lifetime: the rules above and the cleanup below apply unchanged, the directory is
 * deleted when its scope ends (the same scope a store declared the same way would have) as the
 * cleanup mode says. The extension opens nothing in it; it is for code that opens its own database,
 * which a {@link MemoryWatch} then puts under the test's budget. Close that database before the
 * directory's scope ends (in the test or in {@code @AfterEach}). The store attributes ({@link
 * #config()}, {@link #memoryBudgetMb()}, {@link #columnFamilies()}, {@link #dialect()}, {@link
 * #storage()}) make no sense for a directory: setting one is a configuration error. The directory
 * is on disk also where {@link KalamStoreTest#storage()} or {@code kalamdb.store.storage} says
 * {@code memory}: that setting is for the extension's stores, and the code given the directory
 * opens its own database with its own options. Like {@code @TempDir}, every declaration gets its
 * own directory.
 *
 * <p>A store is named after its field or parameter in messages and report entries; a parameter
 * compiled without {@code javac -parameters} is named {@code method.argN}, e.g. {@code
 * writes.arg0}.
 *
 * <p>Stores are per declaration, as with {@code @TempDir}: every field and every parameter gets its
 * own store, so a {@code @BeforeEach} parameter and a test parameter are two different stores. To
 * share one store between lifecycle methods and the test, use a field.
 *
 * <h2>Settings</h2>
 *
 * <p>The attributes here take precedence over {@link KalamStoreTest}, which takes precedence over
 * the configuration parameters; see {@link KalamStoreTest} for the whole order.
 *
 * <h2>The budget check</h2>
 *
 * <p>Right after every test method, before its {@code @AfterEach} methods run, each store the test
 * could use (its own stores, the stores of its test instances and the class-level stores of its
 * class and enclosing classes) is checked: the highest accounted memory RocksDB reported during the
 * test, up to that moment, must not exceed the store's budget. The peak is the extension's own
 * record of the store ({@link org.kalamdb.store.KalamStore#recordPeaks()}), sampled once more at
 * the check: it is fed by every sample of the store, including a last one inside {@link
 * org.kalamdb.store.KalamStore#close()}, and a test's {@link
 * org.kalamdb.store.KalamStore#resetPeak()} does not lower it, so a store the test closed or reset
 * is judged on what it held during the test. What {@code @AfterEach} methods do (write, flush,
 * close) is not judged and does not change the verdict. Class-level stores have their peak reset
 * before each test, so each test is judged on its own use; when tests of one class run
 * concurrently, a shared store's peak includes what concurrent tests did. A store over budget fails
 * the test with an {@link org.opentest4j.AssertionFailedError} such as:
 *
 * <pre>
 * store 'orders' used 71.2 MB at peak, over its budget of 64 MB (@TempStore memoryBudgetMb);
 * memtables 38.9 MB, block cache 30.1 MB, table readers 2.2 MB; largest column families:
 * orders 20.1 MB, users 9.0 MB; config: src/test/resources/config.toml
 * </pre>
 *
 * (one line). For a store whose config is in the {@code kalamdb-server} dialect each column family
 * is followed by the profile it was opened with, e.g. {@code hot_data 2.1 MB (profile hot_data),
 * raft_data 0.9 MB (profile raft)}. Every test also publishes report entries {@code
 * kalamdb.store.NAME.peak-bytes} and {@code kalamdb.store.NAME.budget-bytes} for each store it
 * could use (IDEs and JUnit's own reports show them; a name used twice in one test gets {@code #2},
 * {@code #3}), and prints the same figures on standard output as one line per store, {@code
 * [kalamdb] store 'orders' peak 3.1 MB of its budget of 64 MB (...)}, because Surefire's XML report
 * keeps a test's output but drops report entries. Configuration parameter {@code
 * kalamdb.store.report-stdout=false} turns the printed lines off.
 *
 * <h2>Cleanup</h2>
 *
 * <p>Each store lives in a fresh directory under {@code kalamdb.store.base-dir}. It is always
 * closed at the end of its scope, whether the test passed, failed or threw, so its native memory is
 * freed; its directory is then deleted according to the configuration parameter {@code
 * kalamdb.store.cleanup}: {@code always} (default), {@code on_success} (kept when a test that could
 * use the store failed) or {@code never}. A failure to close or delete fails the test (or class)
 * concerned; every store is still closed, and every failure is reported, later ones as suppressed
 * exceptions of the first.
 *
 * <h2>Parallel execution</h2>
 *
 * <p>Safe under JUnit's parallel execution: stores, budgets and checks are per store and per test,
 * and the extension's only static state is thread safe (a cache of the config files read, used
 * while a file is unchanged, and a counter naming memory stores).
 *
 * <h2>Errors</h2>
 *
 * <p>A final field, a field or parameter of a type other than {@code KalamStore} and {@code Path},
 * a store attribute on a {@code Path}, a negative budget other than {@code -1}, an unknown dialect
 * and an unusable config file fail with an {@link
 * org.junit.jupiter.api.extension.ExtensionConfigurationException} naming the declaration and the
 * fix.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TempStore {

  /**
   * The config file of this store; see {@link KalamStoreTest#config()}. {@code ""} (the default)
   * means not set here. Not for a {@code Path}.
   */
  String config() default "";

  /**
   * This store's budget in MB. {@code -1} (the default) and {@code 0} mean not set here; any other
   * negative value is a configuration error. Not for a {@code Path}.
   */
  long memoryBudgetMb() default -1;

  /**
   * Column families the store is opened with, besides {@code default}. Empty (the default) means
   * not set here; a non-empty list replaces the one of {@link KalamStoreTest}. Not for a {@code
   * Path}.
   */
  String[] columnFamilies() default {};

  /**
   * The dialect this store's config file is read in: {@code "toolkit"} or {@code "kalamdb-server"},
   * case-insensitive like {@link #storage()}; {@code ""} (the default) means not set here, and
   * where nothing sets it the dialect is detected from the file. Precedence: this attribute >
   * {@link KalamStoreTest#dialect()} > configuration parameter {@code kalamdb.store.dialect} >
   * detected. See {@link KalamStoreTest#dialect()} for what a server config changes (defaults
   * without a file, the server's six column families, profiles in the failure message) and for
   * errors. Not for a {@code Path}.
   */
  String dialect() default "";

  /**
   * Where this store keeps its files: {@code "disk"} or {@code "memory"}, case-insensitive; empty
   * (the default) means not set here. Another value fails the test with an {@link
   * org.junit.jupiter.api.extension.ExtensionConfigurationException} naming the attribute and the
   * valid values. Precedence: this attribute > {@link KalamStoreTest#storage()} > configuration
   * parameter {@code kalamdb.store.storage} > disk. See {@link KalamStoreTest#storage()} for what a
   * memory store changes. Not for a {@code Path}: its directory is always on disk.
   */
  String storage() default "";
}

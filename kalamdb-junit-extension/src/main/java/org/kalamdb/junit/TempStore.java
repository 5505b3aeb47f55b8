package org.kalamdb.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a temporary {@link org.kalamdb.store.KalamStore} in a test class that uses {@link
 * KalamStoreTest} (or {@code @ExtendWith(KalamStoreExtension.class)}).
 *
 * <h2>Where it may appear, and how long the store lives</h2>
 *
 * <ul>
 *   <li><b>Instance field</b> (non-final, type {@code KalamStore}, any visibility): a new store for
 *       every test, set before {@code @BeforeEach} methods run and closed after the test. In a
 *       {@code @Nested} test, fields of the enclosing instances are set too.
 *   <li><b>Static field</b>: one store for the class (and its {@code @Nested} classes), set before
 *       {@code @BeforeAll} methods run and closed after the class.
 *   <li><b>Parameter</b> of type {@code KalamStore} of a test method, {@code @BeforeEach} or
 *       {@code @AfterEach} method: a new store for that test. Of a {@code @BeforeAll} or
 *       {@code @AfterAll} method: a store for the class. Of a constructor: a store for that test
 *       instance, closed when the instance is destroyed. On a parameter the annotation is optional;
 *       use it to set attributes.
 * </ul>
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
 * <p>After every test, each store the test could use (its own stores, the stores of its test
 * instances and the class-level stores of its class and enclosing classes) is checked: the highest
 * accounted memory RocksDB reported during the test ({@link
 * org.kalamdb.store.KalamStore#peakMemoryUsage()}, sampled once more at the check) must not exceed
 * the store's budget. Class-level stores have their peak reset before each test, so each test is
 * judged on its own use; when tests of one class run concurrently, a shared store's peak includes
 * what concurrent tests did. A store over budget fails the test with an {@link
 * org.opentest4j.AssertionFailedError} such as:
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
 * could use (IDEs and JUnit's own reports show them), and prints the same figures on standard
 * output as one line per store, {@code [kalamdb] store 'orders' peak 3.1 MB of its budget of 64 MB
 * (...)}, because Surefire's XML report keeps a test's output but drops report entries.
 * Configuration parameter {@code kalamdb.store.report-stdout=false} turns the printed lines off.
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
 * and the extension keeps no mutable static state.
 *
 * <h2>Errors</h2>
 *
 * <p>A final field, a field or parameter of another type, a negative budget other than {@code -1},
 * an unknown dialect and an unusable config file fail with an {@link
 * org.junit.jupiter.api.extension.ExtensionConfigurationException} naming the declaration and the
 * fix.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TempStore {

  /**
   * The config file of this store; see {@link KalamStoreTest#config()}. {@code ""} (the default)
   * means not set here.
   */
  String config() default "";

  /**
   * This store's budget in MB. {@code -1} (the default) and {@code 0} mean not set here; any other
   * negative value is a configuration error.
   */
  long memoryBudgetMb() default -1;

  /**
   * Column families the store is opened with, besides {@code default}. Empty (the default) means
   * not set here; a non-empty list replaces the one of {@link KalamStoreTest}.
   */
  String[] columnFamilies() default {};

  /**
   * The dialect this store's config file is read in: {@code "toolkit"} or {@code "kalamdb-server"};
   * {@code ""} (the default) means not set here, and where nothing sets it the dialect is detected
   * from the file. Precedence: this attribute > {@link KalamStoreTest#dialect()} > configuration
   * parameter {@code kalamdb.store.dialect} > detected. See {@link KalamStoreTest#dialect()} for
   * what a server config changes (defaults without a file, the server's six column families,
   * profiles in the failure message) and for errors.
   */
  String dialect() default "";
}

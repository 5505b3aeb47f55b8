package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalamdb.junit.BudgetTest.failureOf;
import static org.kalamdb.junit.BudgetTest.reportEntries;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.store.DatabaseWatch;
import org.kalamdb.store.KalamStore;
import org.kalamdb.store.MemoryUsage;
import org.kalamdb.store.NativeAllocator;
import org.opentest4j.AssertionFailedError;

/**
 * Databases the test opened itself, put under its budget with {@link MemoryWatch}: verdict,
 * message, budget precedence, report, timing, and what happens when the test closes them.
 */
class MemoryWatchTest {
  static final RocksDbConfig BIG =
      RocksDbConfig.load(Path.of("src/test/resources/big-buffers.toml"));
  static final RocksDbConfig SMALL = RocksDbConfig.load(Path.of("src/test/resources/small.toml"));

  @TempDir Path base;

  @Fixture
  @KalamStoreTest(config = "classpath:big-buffers.toml", memoryBudgetMb = 1)
  static class OverBudget {
    ApplicationDatabase repo;

    @Test
    void fills(@TempStore Path dir, MemoryWatch memory) throws Exception {
      repo = ApplicationDatabase.open(dir, BIG, "t1");
      memory.watch("repo", repo.db, repo.options.cache());
      repo.fill(1, 3);
    }

    @AfterEach
    void close() {
      repo.close();
    }
  }

  @Test
  void aWatchedDatabaseOverItsBudgetFailsTheTestNamingWhereTheMemoryWent() {
    EngineExecutionResults results = Fixtures.under(base).run(OverBudget.class);

    Throwable failure = failureOf(results, "fills");
    assertThat(failure).isInstanceOf(AssertionFailedError.class);
    Matcher message =
        Pattern.compile(
                "database 'repo' used (\\d+\\.\\d) MB at peak, over its budget of 1 MB"
                    + " \\(@KalamStoreTest on class OverBudget memoryBudgetMb\\); memtables"
                    + " (\\d+\\.\\d) MB, block cache \\d+\\.\\d MB, table readers \\d+\\.\\d MB;"
                    + " config: target[/\\\\]test-classes[/\\\\]big-buffers.toml")
            .matcher(failure.getMessage());
    assertThat(message.matches()).as(failure.getMessage()).isTrue();
    assertThat(Double.parseDouble(message.group(1))).isGreaterThan(2.5);
    assertThat(Double.parseDouble(message.group(2))).isGreaterThan(2.5);
    assertThat(reportEntries(results))
        .containsEntry("kalamdb.store.repo.budget-bytes", Long.toString(1 << 20));
  }

  @Fixture
  @KalamStoreTest(memoryBudgetMb = 64)
  static class WithinBudget {
    @Test
    void writes(@TempStore Path dir, MemoryWatch memory) throws Exception {
      try (ApplicationDatabase repo = ApplicationDatabase.open(dir, SMALL)) {
        memory.watch("repo", repo.db, repo.options.cache());
        repo.fill(0, 1);
      }
    }
  }

  @Test
  void aWatchedDatabaseWithinItsBudgetPassesAndIsReportedLikeAStore() {
    String printed =
        printedBy(
            () -> {
              EngineExecutionResults results =
                  Fixtures.under(base)
                      .with("kalamdb.store.report-stdout", null)
                      .run(WithinBudget.class);
              results.testEvents().assertStatistics(stats -> stats.succeeded(1));
              assertThat(reportEntries(results))
                  .containsEntry("kalamdb.store.repo.budget-bytes", Long.toString(64L << 20))
                  .containsKey("kalamdb.store.repo.peak-bytes");
            });

    assertThat(printed)
        .containsPattern(
            "\\[kalamdb\\] database 'repo' peak \\d+\\.\\d MB of its budget of 64 MB"
                + " \\(@KalamStoreTest on class WithinBudget memoryBudgetMb\\)");
  }

  @Fixture
  @KalamStoreTest
  static class WorstCase {
    @Test
    void writes(@TempStore Path dir, MemoryWatch memory) throws Exception {
      try (ApplicationDatabase repo = ApplicationDatabase.open(dir, SMALL, "a", "b")) {
        memory.watch("repo", repo.db, repo.options.cache());
        repo.fill(1, 1);
      }
    }
  }

  @Test
  void withoutAnyBudgetTheWorstCaseOfTheTestsConfigForTheDatabasesColumnFamiliesApplies() {
    EngineExecutionResults results = Fixtures.under(base).run(WorstCase.class);

    results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    assertThat(reportEntries(results))
        .containsEntry(
            "kalamdb.store.repo.budget-bytes",
            Long.toString(MemoryModel.worstCaseMb(SMALL, 3) << 20));
  }

  @Fixture
  @KalamStoreTest(config = "classpath:big-buffers.toml", memoryBudgetMb = 64)
  static class Precedence {
    ApplicationDatabase repo;

    @Test
    @KalamStoreTest(memoryBudgetMb = 2)
    void methodLevel(@TempStore Path dir, MemoryWatch memory) throws Exception {
      fillAndKeepOpen(dir, memory);
    }

    @Test
    void classLevel(@TempStore Path dir, MemoryWatch memory) throws Exception {
      fillAndKeepOpen(dir, memory);
    }

    // The database stays open until the check, which samples it once more.
    private void fillAndKeepOpen(Path dir, MemoryWatch memory) throws Exception {
      repo = ApplicationDatabase.open(dir, BIG);
      memory.watch("repo", repo.db, repo.options.cache());
      repo.fill(0, 3);
    }

    @AfterEach
    void close() {
      repo.close();
    }
  }

  @Test
  void theMethodsBudgetBeatsTheClassesLikeForAStore() {
    EngineExecutionResults results = Fixtures.under(base).run(Precedence.class);

    results.testEvents().assertStatistics(stats -> stats.failed(1).succeeded(1));
    assertThat(failureOf(results, "methodLevel"))
        .hasMessageStartingWith("database 'repo' used ")
        .hasMessageContaining(
            "over its budget of 2 MB (@KalamStoreTest on method Precedence.methodLevel()"
                + " memoryBudgetMb)");
  }

  @Fixture
  @KalamStoreTest(config = "classpath:big-buffers.toml")
  static class NoAnnotatedBudget {
    ApplicationDatabase repo;

    @Test
    void fills(@TempStore Path dir, MemoryWatch memory) throws Exception {
      repo = ApplicationDatabase.open(dir, BIG);
      memory.watch("repo", repo.db, repo.options.cache());
      memory.watch("repo", repo.db, repo.options.cache());
      repo.fill(0, 3);
    }

    @AfterEach
    void close() {
      repo.close();
    }
  }

  @Test
  void theConfigurationParameterSetsTheBudgetWhereNoAnnotationDoes() {
    EngineExecutionResults results =
        Fixtures.under(base)
            .with("kalamdb.store.memory-budget-mb", "2")
            .run(NoAnnotatedBudget.class);

    // The same database watched twice under one name: two checks, two lines, entries #2.
    String text = failureOf(results, "fills").getMessage();
    assertThat(text.lines())
        .hasSize(2)
        .allSatisfy(
            line ->
                assertThat(line)
                    .startsWith("database 'repo' used ")
                    .contains(
                        "over its budget of 2 MB (configuration parameter"
                            + " kalamdb.store.memory-budget-mb)"));
    assertThat(reportEntries(results))
        .containsKeys("kalamdb.store.repo.peak-bytes", "kalamdb.store.repo#2.peak-bytes");
  }

  @Fixture
  @KalamStoreTest(memoryBudgetMb = 64)
  static class TwoDatabasesAndAStore {
    @Test
    void writesAll(@TempStore Path one, @TempStore Path two, MemoryWatch memory, KalamStore store)
        throws Exception {
      try (ApplicationDatabase first = ApplicationDatabase.open(one, SMALL);
          ApplicationDatabase second = ApplicationDatabase.open(two, SMALL)) {
        memory.watch("first", first.db, first.options.cache());
        memory.watch("second", second.db, second.options.cache());
        first.fill(0, 1);
        second.fill(0, 1);
        store.put("default", "k".getBytes(), "v".getBytes());
      }
    }
  }

  @Test
  void severalDatabasesAreEachCheckedAndTheirSumIsReported() {
    String[] printed = new String[1];
    Map<String, String> entries =
        reportEntriesPrinting(
            () -> Fixtures.under(base).with("kalamdb.store.report-stdout", null), printed);

    long first = Long.parseLong(entries.get("kalamdb.store.first.peak-bytes"));
    long second = Long.parseLong(entries.get("kalamdb.store.second.peak-bytes"));
    assertThat(first).isPositive();
    assertThat(second).isPositive();
    assertThat(entries)
        .containsKey("kalamdb.store.writesAll.arg3.peak-bytes")
        .containsEntry("kalamdb.store.watched-databases.peak-bytes", Long.toString(first + second))
        .doesNotContainKey("kalamdb.store.watched-databases.budget-bytes");
    assertThat(printed[0])
        .contains("[kalamdb] database 'first' peak ")
        .contains("[kalamdb] database 'second' peak ")
        .contains("[kalamdb] store 'writesAll.arg3' peak ")
        .contains("; allocator " + NativeAllocator.current().describe())
        .contains(
            "[kalamdb] databases 'first', 'second' together peak "
                + MemoryUsage.mb(first + second)
                + " (the sum of their peaks)");
  }

  private Map<String, String> reportEntriesPrinting(
      java.util.function.Supplier<Fixtures> fixtures, String[] printed) {
    java.util.concurrent.atomic.AtomicReference<Map<String, String>> entries =
        new java.util.concurrent.atomic.AtomicReference<>();
    printed[0] =
        printedBy(
            () -> {
              EngineExecutionResults results = fixtures.get().run(TwoDatabasesAndAStore.class);
              results.testEvents().assertStatistics(stats -> stats.succeeded(1));
              entries.set(reportEntries(results));
            });
    return entries.get();
  }

  @Fixture
  @KalamStoreTest(config = "classpath:big-buffers.toml", memoryBudgetMb = 1)
  static class ClosedInTheTest {
    static DatabaseWatch watch;
    static MemoryUsage peakRightAfterClose;

    @Test
    void fillsAndCloses(@TempStore Path dir, MemoryWatch memory) throws Exception {
      try (ApplicationDatabase repo = ApplicationDatabase.open(dir, BIG)) {
        watch = memory.watch("repo", repo.db, repo.options.cache());
        repo.fill(0, 3);
        // No flush and no cap: nothing samples it in the background (that could race the close),
        // so the owner takes the last sample on its own thread before closing, as
        // docs/own-rocksdb.md says.
        watch.sampleNow();
      }
      peakRightAfterClose = watch.peak();
      Thread.sleep(300); // a background round or more after the close
    }
  }

  @Test
  void aDatabaseClosedByItsTestIsJudgedOnItsPeakBeforeTheCloseAndNeverSampledAfter() {
    EngineExecutionResults results = Fixtures.under(base).run(ClosedInTheTest.class);

    assertThat(failureOf(results, "fillsAndCloses"))
        .hasMessageStartingWith("database 'repo' used ")
        .hasMessageContaining("over its budget of 1 MB");
    DatabaseWatch watch = ClosedInTheTest.watch;
    assertThat(watch.databaseClosed()).as("a sample found the database closed").isTrue();
    assertThat(watch.isClosed()).as("the watch stopped after the test").isTrue();
    assertThat(watch.peak()).isEqualTo(ClosedInTheTest.peakRightAfterClose);
    assertThat(watch.peak().total()).isGreaterThan(5L << 19);
    assertThat(watch.sampleNow()).isEmpty();
  }

  @Fixture
  @KalamStoreTest(config = "classpath:big-buffers.toml", memoryBudgetMb = 2)
  static class AfterEachWrites {
    ApplicationDatabase repo;

    @Test
    void writesLittle(@TempStore Path dir, MemoryWatch memory) throws Exception {
      repo = ApplicationDatabase.open(dir, BIG);
      memory.watch("repo", repo.db, repo.options.cache());
      repo.fill(0, 0);
    }

    @AfterEach
    void writesALotAndCloses() throws Exception {
      try {
        repo.fill(0, 5);
      } finally {
        repo.close();
      }
    }
  }

  @Test
  void whatAnAfterEachMethodWritesIsNotJudged() {
    EngineExecutionResults results = Fixtures.under(base).run(AfterEachWrites.class);

    results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    assertThat(Long.parseLong(reportEntries(results).get("kalamdb.store.repo.peak-bytes")))
        .isLessThan(1 << 20);
  }

  @Fixture
  @KalamStoreTest(config = "classpath:big-buffers.toml", memoryBudgetMb = 1)
  static class AfterEachCloses {
    ApplicationDatabase repo;

    @Test
    void fills(@TempStore Path dir, MemoryWatch memory) throws Exception {
      repo = ApplicationDatabase.open(dir, BIG);
      memory.watch("repo", repo.db, repo.options.cache());
      repo.fill(0, 3);
    }

    @AfterEach
    void closes() {
      repo.close();
    }
  }

  @Test
  void anAfterEachMethodThatClosesTheDatabaseDoesNotChangeTheVerdict() {
    EngineExecutionResults results = Fixtures.under(base).run(AfterEachCloses.class);

    assertThat(failureOf(results, "fills")).hasMessageStartingWith("database 'repo' used ");
  }

  @Fixture
  @KalamStoreTest(config = "classpath:big-buffers.toml", memoryBudgetMb = 1)
  @TestMethodOrder(MethodOrderer.MethodName.class)
  static class ClassWatch {
    @TempStore static Path dir;
    static ApplicationDatabase repo;
    static DatabaseWatch watch;

    @BeforeAll
    static void open(MemoryWatch memory) throws Exception {
      repo = ApplicationDatabase.open(dir, BIG);
      watch = memory.watch("shared", repo.db, repo.options.cache());
    }

    @Test
    void a_fills() throws Exception {
      repo.fill(0, 3);
    }

    @AfterEach
    void flush() throws Exception {
      if (!repo.db.isOwningHandle()) {
        return;
      }
      repo.flush(); // memory goes down again, so the next test starts low
    }

    @Test
    void b_writesLittle() throws Exception {
      repo.fill(0, 0);
    }

    @Test
    void c_fillsAndCloses() throws Exception {
      repo.fill(0, 3);
      watch.sampleNow(); // on the owner's thread, before its close
      repo.close();
    }

    @Test
    void d_comesAfterTheClose() {}

    @AfterAll
    static void closeIfOpen() {
      repo.close();
    }
  }

  @Test
  void aDatabaseWatchedInBeforeAllIsCheckedAfterEveryTestOnThatTestsPeak() {
    EngineExecutionResults results = Fixtures.under(base).run(ClassWatch.class);

    results.testEvents().assertStatistics(stats -> stats.failed(2).succeeded(2));
    assertThat(failureOf(results, "a_fills")).hasMessageStartingWith("database 'shared' used ");
    assertThat(failureOf(results, "c_fillsAndCloses"))
        .hasMessageStartingWith("database 'shared' used ");
    results.containerEvents().assertStatistics(stats -> stats.failed(0));
  }

  @Fixture
  @KalamStoreTest
  static class WatchesInAfterEach {
    @Test
    void test() {}

    @AfterEach
    void watchesTooLate(@TempStore Path dir, MemoryWatch memory) throws Exception {
      try (ApplicationDatabase repo = ApplicationDatabase.open(dir, SMALL)) {
        memory.watch("late", repo.db, repo.options.cache());
      }
    }
  }

  @Test
  void watchingInAfterEachIsRefusedBecauseNoCheckWouldJudgeIt() {
    EngineExecutionResults results = Fixtures.under(base).run(WatchesInAfterEach.class);

    assertThat(failureOf(results, "test"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "cannot watch database 'late' now: the budget check of this test ran right after the"
                + " test method; watch databases in the test method or in @BeforeEach");
    assertThat(Fixtures.under(base).leftovers()).isEmpty();
  }

  /** What {@code run} printed on standard output; the module's tests do not run in parallel. */
  static String printedBy(Runnable run) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      run.run();
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}

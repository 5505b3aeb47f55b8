package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.store.KalamStore;
import org.opentest4j.AssertionFailedError;

/** The budget check after each test: verdict, failure message, budget precedence, report. */
class BudgetTest {
  private static final byte[] VALUE = new byte[4096];

  @TempDir Path base;

  /** Writes about {@code mb} MB into a column family; with 16 MB buffers it all stays in memory. */
  static void fill(KalamStore store, String columnFamily, int mb) {
    for (int i = 0; i < mb * 256; i++) {
      store.put(columnFamily, (columnFamily + i).getBytes(), VALUE);
    }
  }

  @Fixture
  @KalamStoreTest
  static class WithinBudget {
    @Test
    void smallWrites(@TempStore(memoryBudgetMb = 64) KalamStore store) {
      fill(store, "default", 1);
    }
  }

  @Test
  void aStoreWithinItsBudgetPasses() {
    EngineExecutionResults results = Fixtures.under(base).run(WithinBudget.class);

    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Fixture
  @KalamStoreTest
  static class HugeBudget {
    @Test
    void smallWrites(@TempStore(memoryBudgetMb = Long.MAX_VALUE) KalamStore store) {
      fill(store, "default", 1);
    }
  }

  @Test
  void aBudgetOverTheLargestSizeIsRefusedNotWrapped() {
    EngineExecutionResults results = Fixtures.under(base).run(HugeBudget.class);

    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    assertThat(
            results
                .testEvents()
                .failed()
                .list()
                .get(0)
                .getRequiredPayload(TestExecutionResult.class)
                .getThrowable())
        .get()
        .extracting(Throwable::getCause)
        .isInstanceOf(ExtensionConfigurationException.class)
        .extracting(Throwable::getMessage, as(STRING))
        .startsWith("@TempStore memoryBudgetMb is 9223372036854775807 (for parameter ")
        .endsWith("); a budget is 1 to 8796093022207 MB (2^63 bytes)");
  }

  @Fixture
  @KalamStoreTest
  static class LargestBudget {
    @Test
    void smallWrites(@TempStore(memoryBudgetMb = 8796093022207L) KalamStore store) {
      fill(store, "default", 1);
    }
  }

  @Test
  void eachStoresPeakIsPrintedForSurefiresXmlUnlessTurnedOff() {
    String printed =
        printedBy(
            () ->
                Fixtures.under(base)
                    .with("kalamdb.store.report-stdout", null)
                    .run(WithinBudget.class));
    String silent = printedBy(() -> Fixtures.under(base).run(WithinBudget.class));

    assertThat(printed)
        .containsPattern(
            "\\[kalamdb\\] store 'smallWrites\\.(store|arg0)' peak \\d+\\.\\d MB of its budget of 64 MB"
                + " \\(@TempStore memoryBudgetMb\\)");
    assertThat(silent).doesNotContain("[kalamdb]");
  }

  @Test
  void aBadReportParameterIsAConfigurationError() {
    EngineExecutionResults results =
        Fixtures.under(base).with("kalamdb.store.report-stdout", "yes").run(WithinBudget.class);

    Throwable failure =
        results.allEvents().failed().stream()
            .map(e -> e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable())
            .flatMap(Optional::stream)
            .findFirst()
            .orElseThrow();
    assertThat(failure)
        .hasMessageContaining("kalamdb.store.report-stdout must be true or false, got 'yes'");
  }

  /** What {@code run} printed on standard output; the module's tests do not run in parallel. */
  private static String printedBy(Runnable run) {
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

  @Fixture
  @KalamStoreTest(columnFamilies = {"orders", "users"})
  static class OverBudget {
    @TempStore(config = "classpath:big-buffers.toml", memoryBudgetMb = 2)
    KalamStore orders;

    @Test
    void fillsMemtables() {
      fill(orders, "orders", 4);
      fill(orders, "users", 1);
    }
  }

  @Test
  void aStoreOverItsBudgetFailsTheTestNamingWhereTheMemoryWent() {
    EngineExecutionResults results = Fixtures.under(base).run(OverBudget.class);

    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    Throwable failure = failureOf(results, "fillsMemtables");
    assertThat(failure).isInstanceOf(AssertionFailedError.class);
    String text = failure.getMessage();
    assertThat(text)
        .matches(
            Pattern.compile(
                "store 'orders' used (\\d+\\.\\d) MB at peak, over its budget of 2 MB"
                    + " \\(@TempStore memoryBudgetMb\\); memtables (\\d+\\.\\d) MB, block cache"
                    + " \\d+\\.\\d MB, table readers \\d+\\.\\d MB; largest column families:"
                    + " orders (\\d+\\.\\d) MB, users (\\d+\\.\\d) MB;"
                    + " config: target[/\\\\]test-classes[/\\\\]big-buffers.toml"));
    java.util.regex.Matcher numbers =
        Pattern.compile("used (\\S+) MB.*memtables (\\S+) MB.*orders (\\S+) MB, users (\\S+) MB")
            .matcher(text);
    assertThat(numbers.find()).isTrue();
    double peak = Double.parseDouble(numbers.group(1));
    double orders = Double.parseDouble(numbers.group(3));
    double users = Double.parseDouble(numbers.group(4));
    assertThat(peak).isGreaterThan(4.0);
    assertThat(orders).isGreaterThan(3.5).isGreaterThan(users);
    assertThat(users).isGreaterThan(0.5);
    assertThat(Double.parseDouble(numbers.group(2))).isLessThanOrEqualTo(peak);
  }

  @Fixture
  @KalamStoreTest(memoryBudgetMb = 3, config = "classpath:big-buffers.toml")
  static class Precedence {
    @Test
    void classLevel(KalamStore store) {
      fill(store, "default", 4);
    }

    @Test
    @KalamStoreTest(memoryBudgetMb = 2)
    void methodLevel(KalamStore store) {
      fill(store, "default", 4);
    }

    @Test
    @KalamStoreTest(memoryBudgetMb = 2)
    void storeLevel(@TempStore(memoryBudgetMb = 1) KalamStore store) {
      fill(store, "default", 4);
    }

    @Test
    void roomyStoreLevel(@TempStore(memoryBudgetMb = 64) KalamStore store) {
      fill(store, "default", 4);
    }
  }

  @Test
  void tempStoreBeatsTheMethodWhichBeatsTheClass() {
    EngineExecutionResults results =
        Fixtures.under(base).with("kalamdb.store.memory-budget-mb", "1000").run(Precedence.class);

    results.testEvents().assertStatistics(stats -> stats.started(4).failed(3).succeeded(1));
    assertThat(failureOf(results, "classLevel"))
        .hasMessageContaining(
            "over its budget of 3 MB (@KalamStoreTest on class Precedence memoryBudgetMb)");
    assertThat(failureOf(results, "methodLevel"))
        .hasMessageContaining(
            "over its budget of 2 MB (@KalamStoreTest on method Precedence.methodLevel()"
                + " memoryBudgetMb)");
    assertThat(failureOf(results, "storeLevel"))
        .hasMessageContaining("over its budget of 1 MB (@TempStore memoryBudgetMb)");
  }

  @Fixture
  @KalamStoreTest(config = "classpath:big-buffers.toml")
  static class NoAnnotatedBudget {
    @Test
    void fills(KalamStore store) {
      fill(store, "default", 4);
    }
  }

  @Test
  void theConfigurationParameterSetsTheBudgetWhereNoAnnotationDoes() {
    EngineExecutionResults results =
        Fixtures.under(base)
            .with("kalamdb.store.memory-budget-mb", "2")
            .run(NoAnnotatedBudget.class);

    assertThat(failureOf(results, "fills"))
        .hasMessageContaining(
            "over its budget of 2 MB (configuration parameter kalamdb.store.memory-budget-mb)");
  }

  @Fixture
  @KalamStoreTest(columnFamilies = {"a", "b"})
  static class WorstCase {
    @Test
    void writes(KalamStore store) {
      fill(store, "a", 1);
      store.createColumnFamily("c");
    }
  }

  @Test
  void withoutAnyBudgetTheWorstCaseOfTheConfigForTheFinalColumnFamiliesApplies() {
    EngineExecutionResults results = Fixtures.under(base).run(WorstCase.class);

    results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    RocksDbConfig small = new RocksDbConfig(1, 2, 1, 0);
    long worstCaseBytes = MemoryModel.worstCaseMb(small, 4) << 20; // default, a, b and c
    assertThat(reportEntries(results))
        .containsEntry("kalamdb.store.writes.arg0.budget-bytes", Long.toString(worstCaseBytes))
        .containsKey("kalamdb.store.writes.arg0.peak-bytes");
    assertThat(Long.parseLong(reportEntries(results).get("kalamdb.store.writes.arg0.peak-bytes")))
        .isPositive()
        .isLessThan(worstCaseBytes);
  }

  @Fixture
  @KalamStoreTest
  static class WithDefaults {
    @Test
    void fills(@TempStore(memoryBudgetMb = 1) KalamStore store) {
      fill(store, "default", 4);
    }
  }

  @Test
  void withoutAnyConfigTheDefaultsApplyAndTheMessageSaysSo() {
    EngineExecutionResults results =
        Fixtures.under(base).with("kalamdb.store.config", null).run(WithDefaults.class);

    assertThat(failureOf(results, "fills").getMessage()).endsWith("; config: defaults");
  }

  @Fixture
  @KalamStoreTest(config = "classpath:big-buffers.toml")
  static class TwoOverBudget {
    @TempStore(memoryBudgetMb = 1)
    KalamStore first;

    @Test
    void fillsBoth(@TempStore(memoryBudgetMb = 2) KalamStore second) {
      fill(first, "default", 3);
      fill(second, "default", 3);
    }
  }

  @Test
  void everyStoreOverBudgetIsNamedAndEveryStoreIsReported() {
    EngineExecutionResults results = Fixtures.under(base).run(TwoOverBudget.class);

    String text = failureOf(results, "fillsBoth").getMessage();
    assertThat(text.lines())
        .hasSize(2)
        .anySatisfy(line -> assertThat(line).startsWith("store 'first' used "))
        .anySatisfy(line -> assertThat(line).startsWith("store 'fillsBoth.arg0' used "));
    assertThat(reportEntries(results))
        .containsEntry("kalamdb.store.first.budget-bytes", Long.toString(1 << 20))
        .containsEntry("kalamdb.store.fillsBoth.arg0.budget-bytes", Long.toString(2 << 20))
        .containsKeys("kalamdb.store.first.peak-bytes", "kalamdb.store.fillsBoth.arg0.peak-bytes");
  }

  /** The failure of the one test named {@code method}; fails when it did not fail. */
  static Throwable failureOf(EngineExecutionResults results, String method) {
    List<Event> finished =
        results.testEvents().finished().filter(e -> isMethod(e, method)).toList();
    assertThat(finished).as("finished events of %s", method).hasSize(1);
    TestExecutionResult result = finished.get(0).getRequiredPayload(TestExecutionResult.class);
    assertThat(result.getStatus()).as("status of %s", method).isEqualTo(Status.FAILED);
    return result.getThrowable().orElseThrow();
  }

  private static boolean isMethod(Event event, String method) {
    return event
        .getTestDescriptor()
        .getSource()
        .filter(MethodSource.class::isInstance)
        .map(source -> ((MethodSource) source).getMethodName().equals(method))
        .orElse(false);
  }

  static Map<String, String> reportEntries(EngineExecutionResults results) {
    return results.allEvents().reportingEntryPublished().stream()
        .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
        .flatMap(map -> map.entrySet().stream())
        .collect(
            java.util.stream.Collectors.toMap(
                Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a + "," + b));
  }
}

package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalamdb.junit.BudgetTest.failureOf;
import static org.kalamdb.junit.BudgetTest.fill;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.kalamdb.store.KalamStore;
import org.opentest4j.AssertionFailedError;

/**
 * The JVM-wide budget ({@code kalamdb.store.jvm-budget-mb}) on the sum of every live store: the
 * test during which the sum crossed it fails, naming every store with its share and its test; the
 * others pass. Surefire runs this module's test classes one after another in one JVM, and the
 * fixtures' executions below run one at a time, so the JVM-wide sum holds only their stores.
 */
class JvmBudgetTest {
  /**
   * Over 7 MB only together: the large test's store (6 MB) alone is under it, the class store
   * 'shared' (2 MB written, 3 MB accounted: memtable arenas grow by 2 MB blocks) is held
   * throughout.
   */
  static final String BUDGET_MB = "7";

  @TempDir Path base;

  @Fixture
  @KalamStoreTest(config = "classpath:big-buffers.toml")
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class ThreeTests {
    @TempStore static KalamStore shared;

    @BeforeAll
    static void holdTwoMegabytes() {
      fill(shared, "default", 2);
    }

    @Test
    @Order(1)
    void small(@TempStore KalamStore little) {
      fill(little, "default", 1);
    }

    @Test
    @Order(2)
    void large(@TempStore KalamStore big) {
      fill(big, "default", 6);
    }

    @Test
    @Order(3)
    void smallAgain(@TempStore KalamStore little) {
      fill(little, "default", 1);
    }
  }

  @Test
  void theTestDuringWhichTheSumCrossedFailsNamingEveryStoreWithItsShare() {
    EngineExecutionResults results = fixtures().run(ThreeTests.class);

    results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(1));
    Throwable failure = failureOf(results, "large");
    assertThat(failure).isInstanceOf(AssertionFailedError.class);
    Matcher message =
        Pattern.compile(
                "the JVM-wide sum of RocksDB memory went over its budget of 7 MB \\(configuration"
                    + " parameter kalamdb.store.jvm-budget-mb\\) during this test: (\\d+\\.\\d) MB"
                    + " in \\d+ stores and watched databases: store '[^']+' of ThreeTests.large\\(KalamStore\\)"
                    + " (\\d+\\.\\d) MB, store 'shared' of ThreeTests (\\d+\\.\\d) MB.*")
            .matcher(failure.getMessage());
    assertThat(message.matches()).as(failure.getMessage()).isTrue();
    double sum = Double.parseDouble(message.group(1));
    double big = Double.parseDouble(message.group(2));
    double shared = Double.parseDouble(message.group(3));
    // The message rounds to 0.1 MB: a sum just over 7 MB reads "7.0" (seen in a full build).
    assertThat(sum).isGreaterThanOrEqualTo(7.0);
    // The shares are those of the moment of crossing, which may come before the last write.
    assertThat(big).as("the large store alone is under the budget").isBetween(1.0, 7.0);
    assertThat(shared).as("the class store counts").isGreaterThan(1.5);
    assertThat(sum).isGreaterThanOrEqualTo(big + shared - 0.1);
  }

  @Fixture
  @KalamStoreTest(config = "classpath:big-buffers.toml")
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class StaysOver {
    @TempStore static KalamStore shared;

    @Test
    @Order(1)
    void crosses() {
      fill(shared, "default", 8);
    }

    @Test
    @Order(2)
    void runsWhileOver(@TempStore KalamStore little) {
      fill(little, "default", 1);
    }
  }

  @Test
  void aTestThatRunsWhileTheSumStaysOverDoesNotFailAgain() {
    EngineExecutionResults results = fixtures().run(StaysOver.class);

    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
    assertThat(failureOf(results, "crosses").getMessage())
        .startsWith("the JVM-wide sum of RocksDB memory went over its budget of 7 MB")
        .contains("store 'shared' of StaysOver ");
  }

  @Fixture
  @KalamStoreTest(config = "classpath:big-buffers.toml")
  static class FillsInBeforeAll {
    @TempStore static KalamStore shared;

    @BeforeAll
    static void fillsBeforeAnyTest() {
      fill(shared, "default", 8);
    }

    @Test
    void first() {}
  }

  @Test
  void aCrossingWhileNoTestRunsFailsTheNextTestCheckedSayingSo() {
    EngineExecutionResults results = fixtures().run(FillsInBeforeAll.class);

    assertThat(failureOf(results, "first").getMessage())
        .contains("while no test was running (in @BeforeAll")
        .contains("store 'shared' of FillsInBeforeAll ");
  }

  @Test
  void withoutTheParameterNoTestFailsForTheSum() {
    EngineExecutionResults results =
        fixtures().with(RunParameters.JVM_BUDGET_MB, null).run(ThreeTests.class);

    results.testEvents().assertStatistics(stats -> stats.succeeded(3).failed(0));
  }

  @Test
  void aBadBudgetIsAConfigurationErrorNamingTheParameter() {
    for (String bad : List.of("0", "-3", "7.5", "lots")) {
      EngineExecutionResults results =
          fixtures().with(RunParameters.JVM_BUDGET_MB, bad).run(ThreeTests.class);

      List<Event> failed = results.containerEvents().failed().list();
      assertThat(failed).as("value '%s'", bad).hasSize(1);
      assertThat(failed.get(0).getRequiredPayload(TestExecutionResult.class).getThrowable())
          .get()
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasFieldOrPropertyWithValue(
              "message",
              "configuration parameter kalamdb.store.jvm-budget-mb must be a positive whole"
                  + " number of MB, got '"
                  + bad
                  + "'");
      results.testEvents().assertStatistics(stats -> stats.started(0));
    }
  }

  private Fixtures fixtures() {
    return Fixtures.under(base).with(RunParameters.JVM_BUDGET_MB, BUDGET_MB);
  }
}

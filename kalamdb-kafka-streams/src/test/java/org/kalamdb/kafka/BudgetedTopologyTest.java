package org.kalamdb.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.kalamdb.junit.KalamStoreTest;
import org.kalamdb.junit.MemoryWatch;
import org.kalamdb.junit.TempStore;
import org.opentest4j.AssertionFailedError;

/**
 * A {@code TopologyTestDriver} test under a memory budget, as a Kafka Streams team writes it:
 * {@code memory.watch("app", StreamsMemory.of(driver))}. Run through the JUnit Platform, the test
 * passes under its budget and fails over it with a message naming the source and its largest
 * stores.
 */
class BudgetedTopologyTest {

  static final int STORES = 8;

  /** Writes {@code mb} MB of 1 KB values into each of 8 stores of a capped topology. */
  static void writeEachStore(Path stateDir, MemoryWatch memory, int mb) {
    var props =
        StoresTopology.withSetter(
            StoresTopology.properties("budgeted", stateDir), "classpath:capped.toml");
    try (TopologyTestDriver driver =
        new TopologyTestDriver(new StoresTopology(STORES).build(), props)) {
      memory.watch("app", StreamsMemory.of(driver));
      TestInputTopic<Integer, byte[]> input = StoresTopology.input(driver);
      int records = STORES * mb * 1024 / StoresTopology.VALUES_PER_RECORD;
      for (int k = 0; k < records; k++) {
        input.pipeInput(k, StoresTopology.value(k, 1024));
      }
    }
  }

  @KalamStoreTest(config = "classpath:capped.toml", memoryBudgetMb = 4)
  @ExtendWith(FixtureCondition.class)
  static class OverBudget {
    @Test
    void writes(@TempStore Path stateDir, MemoryWatch memory) {
      // 40 MB under the 32 MB cap: flushes begin, where per-store figures are read safely.
      writeEachStore(stateDir, memory, 5);
    }
  }

  @KalamStoreTest(config = "classpath:capped.toml", memoryBudgetMb = 128)
  @ExtendWith(FixtureCondition.class)
  static class WithinBudget {
    @Test
    void writes(@TempStore Path stateDir, MemoryWatch memory) {
      writeEachStore(stateDir, memory, 2);
    }
  }

  @Test
  void overItsBudgetTheTopologyFailsNamingTheSourceAndItsLargestStores(@TempDir Path reports) {
    EngineExecutionResults results = FixtureRun.of(OverBudget.class, reports);

    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    Throwable failure = FixtureRun.firstFailure(results);
    assertThat(failure).isInstanceOf(AssertionFailedError.class);
    assertThat(failure.getMessage())
        .matches(
            Pattern.compile(
                "source 'app' used \\d+\\.\\d MB at peak, over its budget of 4 MB \\(@KalamStoreTest"
                    + " on class OverBudget memoryBudgetMb\\); memtables .*; largest parts: store-\\d+"
                    + " .*; config: .*capped.toml",
                Pattern.DOTALL));
  }

  @Test
  void underItsBudgetTheTopologyPasses(@TempDir Path reports) {
    EngineExecutionResults results = FixtureRun.of(WithinBudget.class, reports);

    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }
}

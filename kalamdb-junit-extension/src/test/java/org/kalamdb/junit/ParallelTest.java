package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.kalamdb.store.KalamStore;

/** Many store tests under JUnit's parallel execution, four threads. */
class ParallelTest {
  static final int REPETITIONS = 60;
  static final AtomicInteger RUNNING = new AtomicInteger();
  static final AtomicInteger MOST_RUNNING = new AtomicInteger();

  @Fixture
  @KalamStoreTest(memoryBudgetMb = 16)
  static class ManyStores {
    @TempStore static KalamStore shared;
    @TempStore KalamStore perTest;

    @RepeatedTest(REPETITIONS)
    void first(KalamStore store) throws InterruptedException {
      work(store);
    }

    @RepeatedTest(REPETITIONS)
    void second(@TempStore(columnFamilies = {"t"}) KalamStore store) throws InterruptedException {
      work(store);
    }

    private void work(KalamStore store) throws InterruptedException {
      MOST_RUNNING.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
      try {
        for (int i = 0; i < 100; i++) {
          byte[] key = ("k" + i).getBytes();
          store.put("default", key, key);
          perTest.put("default", key, key);
          shared.put("default", key, key);
        }
        assertThat(store.get("default", "k1".getBytes())).isEqualTo("k1".getBytes());
        Thread.sleep(5); // hold the store a moment so that tests overlap
      } finally {
        RUNNING.decrementAndGet();
      }
    }
  }

  @Test
  void aHundredAndTwentyConcurrentStoreTestsPassAndLeaveNothingBehind() throws Exception {
    try (ScratchDirectory scratch = ScratchDirectory.create()) {
      runConcurrently(scratch.path());
    }
  }

  private void runConcurrently(Path base) {
    Fixtures fixtures =
        Fixtures.under(base)
            .with("junit.jupiter.execution.parallel.enabled", "true")
            .with("junit.jupiter.execution.parallel.mode.default", "concurrent")
            .with("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
            .with("junit.jupiter.execution.parallel.config.strategy", "fixed")
            .with("junit.jupiter.execution.parallel.config.fixed.parallelism", "4");

    EngineExecutionResults results = fixtures.run(ManyStores.class);

    results.allEvents().assertStatistics(stats -> stats.failed(0));
    results.testEvents().assertStatistics(stats -> stats.succeeded(2 * REPETITIONS));
    assertThat(MOST_RUNNING.get()).as("tests that ran at the same time").isGreaterThan(1);
    assertThat(fixtures.leftovers()).isEmpty();
    System.out.printf(
        "parallel: %d tests, at most %d at once, %d report entries%n",
        2 * REPETITIONS, MOST_RUNNING.get(), results.allEvents().reportingEntryPublished().count());
  }
}

package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalamdb.junit.BudgetTest.failureOf;
import static org.kalamdb.junit.BudgetTest.fill;
import static org.kalamdb.junit.BudgetTest.reportEntries;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.kalamdb.store.KalamStore;

/**
 * When stores are judged and on what: right after the test method, before {@code @AfterEach}, on
 * the extension's own record of the peak, which the test can neither close nor reset away.
 */
class CheckTimingTest {
  @TempDir Path base;

  @Fixture
  @KalamStoreTest(config = "classpath:big-buffers.toml", memoryBudgetMb = 2)
  static class AfterEachWrites {
    @TempStore KalamStore store;

    @Test
    void writesLittle() {
      store.put("default", "k".getBytes(), "v".getBytes());
    }

    @AfterEach
    void writesALot() {
      fill(store, "default", 5);
    }
  }

  @Test
  void whatAnAfterEachMethodWritesIsNotJudged() {
    EngineExecutionResults results = Fixtures.under(base).run(AfterEachWrites.class);

    results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    assertThat(Long.parseLong(reportEntries(results).get("kalamdb.store.store.peak-bytes")))
        .isLessThan(1 << 20);
  }

  @Fixture
  @KalamStoreTest(config = "classpath:big-buffers.toml", memoryBudgetMb = 1)
  static class AfterEachCloses {
    @TempStore KalamStore store;

    @Test
    void fills() {
      fill(store, "default", 3);
    }

    @AfterEach
    void closes() {
      store.close();
    }
  }

  @Test
  void anAfterEachMethodThatClosesTheStoreDoesNotChangeTheVerdict() {
    EngineExecutionResults results = Fixtures.under(base).run(AfterEachCloses.class);

    assertThat(failureOf(results, "fills"))
        .hasMessageStartingWith("store 'store' used ")
        .hasMessageContaining("over its budget of 1 MB");
  }

  @Fixture
  @KalamStoreTest(config = "classpath:big-buffers.toml", memoryBudgetMb = 1)
  static class ClosedByItsTest {
    @Test
    void fillsAndCloses(KalamStore store) {
      fill(store, "default", 3);
      store.close();
    }
  }

  @Test
  void aStoreClosedByItsOwnTestIsStillJudgedOnWhatItHeld() {
    EngineExecutionResults results = Fixtures.under(base).run(ClosedByItsTest.class);

    assertThat(failureOf(results, "fillsAndCloses"))
        .hasMessageStartingWith("store 'fillsAndCloses.arg0' used ")
        .hasMessageContaining("over its budget of 1 MB (@KalamStoreTest on class ClosedByItsTest")
        .hasMessageContaining("; memtables ");
  }

  @Fixture
  @KalamStoreTest(config = "classpath:big-buffers.toml", memoryBudgetMb = 1)
  static class ResetByItsTest {
    static long ownPeakAfterReset;

    @Test
    void fillsFlushesAndResets(KalamStore store) {
      fill(store, "default", 3);
      store.flush(); // the memtables go to disk: what the store holds now is small
      store.resetPeak();
      ownPeakAfterReset = store.peakMemoryUsage().total();
    }
  }

  @Test
  void resetPeakByTheTestDoesNotLowerThePeakThatIsChecked() {
    EngineExecutionResults results = Fixtures.under(base).run(ResetByItsTest.class);

    assertThat(ResetByItsTest.ownPeakAfterReset)
        .as("the store's own peak, which the test reset")
        .isLessThan(1 << 20);
    assertThat(failureOf(results, "fillsFlushesAndResets"))
        .hasMessageStartingWith("store 'fillsFlushesAndResets.arg0' used ")
        .hasMessageContaining("over its budget of 1 MB");
  }
}

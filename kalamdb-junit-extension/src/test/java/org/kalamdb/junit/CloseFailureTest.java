package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.kalamdb.store.KalamStore;

/** When cleaning up fails, every store is still closed and every failure is reported. */
class CloseFailureTest {
  static final List<KalamStore> STORES = new ArrayList<>();
  static final List<Undeletable> PINS = new ArrayList<>();

  @TempDir Path base;

  @Fixture
  @KalamStoreTest
  static class TwoUndeletableStores {
    @TempStore KalamStore first;
    @TempStore KalamStore second;

    @Test
    void test(KalamStore third) throws Exception {
      STORES.addAll(List.of(first, second, third));
      PINS.add(Undeletable.pinInto(first.directory()));
      PINS.add(Undeletable.pinInto(third.directory()));
    }
  }

  @Test
  void everyStoreIsClosedAndEveryDeletionFailureIsReported() throws Exception {
    assumeTrue(Undeletable.supported(), "needs a POSIX file system");
    STORES.clear();
    PINS.clear();
    try {
      EngineExecutionResults results = Fixtures.under(base).run(TwoUndeletableStores.class);

      Throwable failure = BudgetTest.failureOf(results, "test");
      // JUnit reports a failure to close a context's store wrapped: "Failed to close extension
      // context", caused by what the store threw.
      while (!(failure instanceof UncheckedIOException) && failure.getCause() != null) {
        failure = failure.getCause();
      }
      // newest first: the parameter store, then the fields in reverse order
      assertThat(failure)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageStartingWith("deleting directory " + STORES.get(2).directory())
          .hasMessageEndingWith(" of store 'test.arg0' failed");
      assertThat(failure.getSuppressed()).hasSize(1);
      assertThat(failure.getSuppressed()[0])
          .hasMessage(
              "deleting directory " + STORES.get(0).directory() + " of store 'first' failed");
      assertThat(STORES).hasSize(3).allMatch(KalamStore::isClosed);
      assertThat(Files.exists(STORES.get(1).directory()))
          .as("the deletable store's directory")
          .isFalse();
    } finally {
      for (Undeletable pin : PINS) {
        pin.close();
      }
    }
  }
}

package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.store.KalamStore;

/** Stores are closed after their scope in every case; directories go as the cleanup mode says. */
class CleanupTest {
  @TempDir Path base;

  @Fixture
  @KalamStoreTest
  static class PassFailThrow {
    @TempStore static KalamStore classStore;

    @Test
    void passes(KalamStore store) {
      store.put("default", "k".getBytes(), "v".getBytes());
    }

    @Test
    void fails(KalamStore store) {
      store.put("default", "k".getBytes(), "v".getBytes());
      assertThat(1).isEqualTo(2);
    }

    @Test
    void throwsAnException(KalamStore store) {
      store.put("default", "k".getBytes(), "v".getBytes());
      throw new IllegalStateException("boom");
    }
  }

  private List<Path> runWithCleanup(String mode) {
    Fixtures fixtures = Fixtures.under(base).with("kalamdb.store.cleanup", mode);
    EngineExecutionResults results = fixtures.run(PassFailThrow.class);
    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(2));
    results.containerEvents().assertStatistics(stats -> stats.failed(0));
    return fixtures.leftovers();
  }

  @ParameterizedTest
  @ValueSource(strings = {"always", "ALWAYS", " Always "})
  void alwaysDeletesEveryDirectoryWhateverTheOutcome(String mode) {
    assertThat(runWithCleanup(mode)).isEmpty();
  }

  @Test
  void withoutTheParameterTheModeIsAlways() {
    assertThat(runWithCleanup(null)).isEmpty();
  }

  @Test
  void onSuccessKeepsTheStoresOfFailedTestsAndTheClassStoreTheyCouldUse() {
    List<Path> kept = runWithCleanup("on_success");

    assertThat(kept)
        .hasSize(3)
        .anyMatch(dir -> dir.getFileName().toString().startsWith("kalamdb-fails.arg0-"))
        .anyMatch(dir -> dir.getFileName().toString().startsWith("kalamdb-throwsanexception.arg0-"))
        .anyMatch(dir -> dir.getFileName().toString().startsWith("kalamdb-classstore-"));
    assertKeptStoresAreClosedAndIntact(kept);
  }

  @Test
  void neverKeepsEveryDirectory() {
    List<Path> kept = runWithCleanup("never");

    assertThat(kept).hasSize(4);
    assertKeptStoresAreClosedAndIntact(kept);
  }

  /** A kept store can be reopened (so it was closed: RocksDB's lock is free) and has the data. */
  private static void assertKeptStoresAreClosedAndIntact(List<Path> kept) {
    for (Path dir : kept) {
      assertThat(dir.resolve("CURRENT")).exists();
      try (KalamStore reopened = KalamStore.open(dir, new RocksDbConfig(1, 2, 1, 0), List.of())) {
        if (!dir.getFileName().toString().startsWith("kalamdb-classstore-")) {
          assertThat(reopened.get("default", "k".getBytes())).isEqualTo("v".getBytes());
        }
      }
    }
  }

  @Fixture
  @KalamStoreTest(config = "classpath:big-buffers.toml")
  static class OverBudget {
    @Test
    void fills(@TempStore(memoryBudgetMb = 1) KalamStore store) {
      BudgetTest.fill(store, "default", 3);
    }
  }

  @Test
  void onSuccessKeepsTheStoreOfATestThatFailedItsBudget() {
    Fixtures fixtures = Fixtures.under(base).with("kalamdb.store.cleanup", "on_success");
    fixtures.run(OverBudget.class).testEvents().assertStatistics(stats -> stats.failed(1));

    assertThat(fixtures.leftovers()).hasSize(1);
  }

  @Fixture
  @KalamStoreTest
  @TestMethodOrder(MethodOrderer.MethodName.class)
  static class ClosesItsClassStore {
    @TempStore static KalamStore classStore;

    @Test
    void a_closesTheClassStore() {
      classStore.close();
    }

    @Test
    void b_doesNotUseIt(KalamStore store) {
      store.put("default", "k".getBytes(), "v".getBytes());
    }
  }

  @Test
  void aClassStoreClosedByATestDoesNotFailTheTestsAfterIt() {
    Fixtures fixtures = Fixtures.under(base);
    EngineExecutionResults results = fixtures.run(ClosesItsClassStore.class);

    results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
    results.containerEvents().assertStatistics(stats -> stats.failed(0));
    assertThat(fixtures.leftovers()).isEmpty();
  }

  @Test
  void aMissingBaseDirectoryIsCreated() {
    Path nested = base.resolve("a/b/c");
    Fixtures fixtures = Fixtures.under(nested).with("kalamdb.store.cleanup", "never");
    fixtures.run(PassFailThrow.class);

    assertThat(Files.isDirectory(nested)).isTrue();
    assertThat(fixtures.leftovers()).hasSize(4);
  }
}

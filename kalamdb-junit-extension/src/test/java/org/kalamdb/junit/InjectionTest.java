package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.kalamdb.store.KalamStore;

/**
 * Where stores are injected, which are the same and which differ, and when each is closed. The
 * fixtures assert from the inside; these tests check that every fixture test passed and what was
 * left behind.
 */
class InjectionTest {
  @TempDir Path base;

  /** What the fixtures saw, in order; read after the run (fixtures run one at a time here). */
  static final List<KalamStore> SEEN = new ArrayList<>();

  @Fixture
  @KalamStoreTest(columnFamilies = {"users"})
  @TestMethodOrder(MethodOrderer.MethodName.class)
  static class EveryPlace {
    @TempStore static KalamStore classStore;
    static KalamStore beforeAllStore;

    @TempStore(columnFamilies = {"orders"})
    KalamStore perTest;

    private final KalamStore fromConstructor;
    private KalamStore beforeEachStore;

    EveryPlace(KalamStore fromConstructor) {
      this.fromConstructor = fromConstructor;
    }

    @BeforeAll
    static void beforeAll(KalamStore store) {
      assertThat(classStore).as("static field set before @BeforeAll").isNotNull();
      beforeAllStore = store;
    }

    @BeforeEach
    void beforeEach(KalamStore store) {
      assertThat(perTest).as("instance field set before @BeforeEach").isNotNull();
      beforeEachStore = store;
    }

    @Test
    void a(KalamStore store) {
      checkAll(store);
    }

    @Test
    void b(@TempStore(columnFamilies = {"b"}) KalamStore store) {
      checkAll(store);
      assertThat(store.columnFamilyNames()).containsExactly("default", "b");
    }

    private void checkAll(KalamStore store) {
      List<KalamStore> all =
          List.of(classStore, beforeAllStore, perTest, fromConstructor, beforeEachStore, store);
      assertThat(all).doesNotHaveDuplicates().noneMatch(KalamStore::isClosed);
      for (KalamStore each : all) {
        each.put("default", "k".getBytes(), "v".getBytes());
        assertThat(Files.isDirectory(each.directory())).isTrue();
      }
      assertThat(perTest.columnFamilyNames()).containsExactly("default", "orders");
      assertThat(classStore.columnFamilyNames()).containsExactly("default", "users");
      SEEN.addAll(all);
    }

    @AfterEach
    void afterEach(KalamStore store) {
      assertThat(store).isNotSameAs(beforeEachStore);
      assertThat(perTest.isClosed()).isFalse();
    }

    @AfterAll
    static void afterAll() {
      assertThat(classStore.isClosed()).isFalse();
      assertThat(beforeAllStore.isClosed()).isFalse();
    }
  }

  @Test
  void fieldsParametersAndConstructorsGetStoresWithTheirOwnLifetimes() {
    SEEN.clear();
    Fixtures fixtures = Fixtures.under(base);
    EngineExecutionResults results = fixtures.run(EveryPlace.class);

    results.allEvents().assertStatistics(stats -> stats.failed(0));
    results.testEvents().assertStatistics(stats -> stats.succeeded(2));
    assertThat(SEEN).hasSize(12);
    List<KalamStore> a = SEEN.subList(0, 6);
    List<KalamStore> b = SEEN.subList(6, 12);
    // class store and @BeforeAll store are shared by both tests; the rest are new for each test
    assertThat(b.get(0)).isSameAs(a.get(0));
    assertThat(b.get(1)).isSameAs(a.get(1));
    for (int i = 2; i < 6; i++) {
      assertThat(b.get(i)).isNotSameAs(a.get(i));
    }
    assertThat(SEEN).allMatch(KalamStore::isClosed);
    assertThat(SEEN).noneMatch(store -> Files.exists(store.directory()));
    assertThat(fixtures.leftovers()).isEmpty();
  }

  @Fixture
  @KalamStoreTest
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.MethodName.class)
  static class PerClassLifecycle {
    private final KalamStore fromConstructor;
    @TempStore KalamStore perTest;

    PerClassLifecycle(KalamStore fromConstructor) {
      this.fromConstructor = fromConstructor;
    }

    @Test
    void a() {
      SEEN.add(fromConstructor);
      SEEN.add(perTest);
    }

    @Test
    void b() {
      SEEN.add(fromConstructor);
      SEEN.add(perTest);
      assertThat(SEEN.get(1).isClosed()).as("the first test's field store").isTrue();
      assertThat(fromConstructor.isClosed()).isFalse();
    }
  }

  @Test
  void withOneInstancePerClassTheConstructorStoreLivesForTheClassAndFieldsAreStillPerTest() {
    SEEN.clear();
    Fixtures fixtures = Fixtures.under(base);
    EngineExecutionResults results = fixtures.run(PerClassLifecycle.class);

    results.allEvents().assertStatistics(stats -> stats.failed(0));
    assertThat(SEEN).hasSize(4);
    assertThat(SEEN.get(2)).isSameAs(SEEN.get(0));
    assertThat(SEEN.get(3)).isNotSameAs(SEEN.get(1));
    assertThat(SEEN).allMatch(KalamStore::isClosed);
    assertThat(fixtures.leftovers()).isEmpty();
  }

  @Fixture
  @KalamStoreTest(columnFamilies = {"outer"})
  static class Outer {
    @TempStore(memoryBudgetMb = 1, config = "classpath:big-buffers.toml")
    static KalamStore outerClassStore;

    @TempStore KalamStore outerField;

    @Test
    void outerTest(KalamStore store) {
      assertThat(store.columnFamilyNames()).containsExactly("default", "outer");
    }

    @Nested
    @KalamStoreTest(columnFamilies = {"inner"})
    class Inner {
      @TempStore KalamStore innerField;

      @Test
      void seesTheEnclosingStoresAndSettings(KalamStore store) {
        assertThat(outerClassStore).isNotNull();
        assertThat(outerField).isNotNull().isNotSameAs(innerField);
        assertThat(store.columnFamilyNames()).containsExactly("default", "inner");
        SEEN.add(outerClassStore);
      }

      @Test
      void isCheckedAgainstTheBudgetsOfTheEnclosingStores() {
        BudgetTest.fill(outerClassStore, "outer", 3);
      }

      @AfterEach
      void releaseMemory() {
        // The peak is already recorded; free the memtables so later tests start low.
        outerClassStore.flush();
      }

      @Nested
      class Deeper {
        @Test
        void inheritsTheInnermostSettings(KalamStore store) {
          assertThat(store.columnFamilyNames()).containsExactly("default", "inner");
        }
      }
    }
  }

  @Test
  void nestedClassesSeeEnclosingStoresAndSettingsAndAreCheckedAgainstThem() {
    SEEN.clear();
    Fixtures fixtures = Fixtures.under(base);
    EngineExecutionResults results = fixtures.run(Outer.class);

    results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(3).failed(1));
    assertThat(BudgetTest.failureOf(results, "isCheckedAgainstTheBudgetsOfTheEnclosingStores"))
        .hasMessageStartingWith("store 'outerClassStore' used ")
        .hasMessageContaining("over its budget of 1 MB (@TempStore memoryBudgetMb)");
    assertThat(SEEN).hasSize(1).allMatch(KalamStore::isClosed);
    assertThat(fixtures.leftovers()).isEmpty();
  }

  @Fixture
  @KalamStoreTest(config = "classpath:big-buffers.toml", memoryBudgetMb = 3)
  @TestMethodOrder(MethodOrderer.MethodName.class)
  static class SharedStorePeak {
    @TempStore static KalamStore shared;

    @Test
    void a() {
      BudgetTest.fill(shared, "default", 4);
      shared.flush();
    }

    @Test
    void b() {
      shared.put("default", "k".getBytes(), "v".getBytes());
    }
  }

  @Test
  void aClassStoreIsJudgedPerTestBecauseItsPeakIsResetBeforeEachTest() {
    // a goes over the budget and then frees its memtables; b, which writes a few bytes, passes
    // only because the shared store's peak starts again before it.
    EngineExecutionResults results = Fixtures.under(base).run(SharedStorePeak.class);

    results.testEvents().assertStatistics(stats -> stats.failed(1).succeeded(1));
    assertThat(BudgetTest.failureOf(results, "a")).hasMessageStartingWith("store 'shared' used ");
  }
}

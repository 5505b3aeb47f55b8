package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.store.KalamStore;
import org.kalamdb.store.RocksDbOptions;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;

/**
 * The manual's examples (docs/testing.md, docs/own-rocksdb.md), as written there (plus
 * {@code @Fixture}), run for real.
 */
class ManualExampleTest {
  @TempDir Path base;

  @Fixture
  @KalamStoreTest(config = "classpath:small.toml", memoryBudgetMb = 64)
  static class OrdersTest {
    @TempStore(columnFamilies = {"orders"})
    KalamStore orders; // a new store for every test

    @TempStore static KalamStore reference; // one store for the whole class

    @BeforeAll
    static void loadReferenceData() {
      reference.put("default", "currency".getBytes(), "EUR".getBytes());
    }

    @Test
    void writes(KalamStore store) { // parameter injection, @TempStore optional
      store.put("default", "k".getBytes(), "v".getBytes());
      orders.put("orders", "o1".getBytes(), "42".getBytes());
      assertThat(orders.get("orders", "o1".getBytes())).isEqualTo("42".getBytes());
    }

    @Test
    void small(@TempStore(memoryBudgetMb = 16) KalamStore store) { // its own, smaller budget
      store.createColumnFamily("t42");
      store.put("t42", "k".getBytes(), "v".getBytes());
      store.dropColumnFamily("t42");
    }

    @Nested
    class WhenShipped { // sees orders, reference and the class's settings
      @Test
      void readsTheReferenceData() {
        assertThat(reference.get("default", "currency".getBytes())).isEqualTo("EUR".getBytes());
      }
    }
  }

  @Test
  void theTestingPagesExampleRunsGreen() {
    Fixtures fixtures = Fixtures.under(base);

    fixtures.run(OrdersTest.class).allEvents().assertStatistics(s -> s.failed(0).succeeded(6));
    assertThat(fixtures.leftovers()).isEmpty();
  }

  // docs/own-rocksdb.md, "Your own RocksDB": from "@KalamStoreTest" to the class's closing brace,
  // verbatim.
  @Fixture
  @KalamStoreTest(memoryBudgetMb = 64)
  static class RepositoryTest {
    @Test
    void manyTables(@TempStore Path dir, MemoryWatch memory) throws Exception {
      RocksDbConfig config = RocksDbConfig.load(Path.of("src/test/resources/repository.toml"));
      List<String> tables = new ArrayList<>(List.of("default"));
      for (int i = 0; i < 20; i++) {
        tables.add("t" + i);
      }
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      try (RocksDbOptions opts = RocksDbOptions.from(config);
          RocksDB db =
              RocksDB.open(opts.dbOptions(), dir.toString(), opts.descriptors(tables), handles)) {
        memory.watch("repo", db, opts.cache()); // checked right after the test, like a store
        for (ColumnFamilyHandle table : handles) {
          db.put(table, "key".getBytes(), "value".getBytes());
        }
        handles.forEach(ColumnFamilyHandle::close); // before the database
      }
    }
  }

  @Test
  void theOwnRocksDbExampleRunsGreenAndIsReported() {
    Fixtures fixtures = Fixtures.under(base);
    org.junit.platform.testkit.engine.EngineExecutionResults results =
        fixtures.run(RepositoryTest.class);

    results.allEvents().assertStatistics(s -> s.failed(0).succeeded(3));
    assertThat(BudgetTest.reportEntries(results))
        .containsEntry("kalamdb.store.repo.budget-bytes", Long.toString(64L << 20));
    assertThat(fixtures.leftovers()).isEmpty();
  }

  @KalamStoreTest(columnFamilies = {"base"})
  abstract static class BaseStoreTest {}

  @Fixture
  static class InheritsFromBase extends BaseStoreTest {
    @Test
    void test(KalamStore store) {
      assertThat(store.columnFamilyNames()).containsExactly("default", "base");
    }
  }

  @Test
  void aSubclassInheritsKalamStoreTest() {
    Fixtures.under(base)
        .run(InheritsFromBase.class)
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));
  }

  @Fixture
  @KalamStoreTest(storage = "memory", memoryBudgetMb = 64)
  static class FastOrdersTest {
    @TempStore(columnFamilies = {"orders"})
    KalamStore orders; // in memory

    @Test
    void inMemory() {
      orders.put("orders", "o1".getBytes(), "42".getBytes());
      assertThat(orders.storage()).isEqualTo(org.kalamdb.store.Storage.MEMORY);
    }

    @Test
    void onDiskForOnce(@TempStore(storage = "disk") KalamStore store) {
      store.put("default", "k".getBytes(), "v".getBytes());
      assertThat(store.directory()).isDirectory();
    }
  }

  @Test
  void theMemoryExampleRunsGreen() {
    Fixtures fixtures = Fixtures.under(base);
    fixtures.run(FastOrdersTest.class).allEvents().assertStatistics(s -> s.failed(0).succeeded(4));
    assertThat(fixtures.leftovers()).isEmpty();
  }
}

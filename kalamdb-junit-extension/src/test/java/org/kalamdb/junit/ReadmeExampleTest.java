package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.store.KalamStore;

/** The README's examples, as written there (plus {@code @Fixture}), run for real. */
class ReadmeExampleTest {
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
  void theReadmeExampleRunsGreen() {
    Fixtures fixtures = Fixtures.under(base);

    fixtures.run(OrdersTest.class).allEvents().assertStatistics(s -> s.failed(0).succeeded(6));
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
}

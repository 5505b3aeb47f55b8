package org.kalamdb.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kalamdb.junit.KalamStoreTest;
import org.kalamdb.store.KalamStore;

/**
 * The seed report's scenario: a test suite creates 50 tables quickly on top of the 7 system column
 * families. With config.toml's memtable_limit_mb the store's memory stays within one budget however
 * many tables there are; the extension fails this test if its peak goes over 80 MB. Each table gets
 * 2 MB, 100 MB in all: with the seed's settings alone (memtable_limit_mb = 0) every byte would
 * still sit in a memtable, and this test fails.
 */
@KalamStoreTest(
    memoryBudgetMb = 80,
    columnFamilies = {
      "system.users",
      "system.namespaces",
      "system.tables",
      "system.jobs",
      "system.storages",
      "system.live_queries",
      "system.audit"
    })
class ManyTablesTest {
  private static final int TABLES = 50;
  private static final int ROWS_PER_TABLE = 2048;

  @Test
  void fiftyTablesOfTwoMegabytesEachStayWithinTheBudget(KalamStore store) {
    TableStore tables = new TableStore(store);
    Random random = new Random(42);
    byte[] bytes = new byte[768];

    for (int t = 0; t < TABLES; t++) {
      String table = "t" + t;
      tables.createTable(table);
      for (int row = 0; row < ROWS_PER_TABLE; row++) {
        random.nextBytes(bytes);
        tables.put(table, "row:" + row, HexFormat.of().formatHex(bytes, 0, 512));
      }
    }

    assertThat(tables.tables()).hasSize(TABLES);
    assertThat(tables.get("t49", "row:2047")).isPresent();
    assertThat(store.columnFamilyNames()).hasSize(TABLES + 7 + 1);
  }
}

package org.kalamdb.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kalamdb.junit.KalamStoreTest;
import org.kalamdb.store.KalamStore;

/** The table store on a real RocksDB store built from src/main/resources/config.toml. */
@KalamStoreTest
class TableStoreTest {

  @Test
  void createPutGetScanDrop(KalamStore store) {
    TableStore tables = new TableStore(store);
    tables.createTable("users");
    tables.put("users", "u:2", "grace");
    tables.put("users", "u:1", "ada");
    tables.put("users", "x:1", "other");

    assertThat(tables.tables()).containsExactly("users");
    assertThat(tables.get("users", "u:1")).contains("ada");
    assertThat(tables.get("users", "u:9")).isEmpty();
    assertThat(tables.scan("users", "u:"))
        .containsExactly(Map.entry("u:1", "ada"), Map.entry("u:2", "grace"));

    tables.dropTable("users");
    assertThat(tables.tables()).isEmpty();
    assertThatThrownBy(() -> tables.get("users", "u:1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tablesAreSeparate(KalamStore store) {
    TableStore tables = new TableStore(store);
    tables.createTable("a");
    tables.createTable("b");
    tables.put("a", "k", "in a");

    assertThat(tables.get("a", "k")).contains("in a");
    assertThat(tables.get("b", "k")).isEmpty();
  }
}

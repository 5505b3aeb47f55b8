package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kalamdb.junit.KalamStoreTest;
import org.kalamdb.store.KalamStore;

/**
 * Runs on a real RocksDB store built from src/main/resources/config.toml; the test fails when the
 * store's memory peaks above 96 MB.
 */
@KalamStoreTest(memoryBudgetMb = 96)
class UserStoreTest {

  @Test
  void putGetAndScan(KalamStore store) {
    UserStore users = new UserStore(store);
    users.put("u:2", "grace");
    users.put("u:1", "ada");
    users.put("x:1", "other");

    assertEquals(Optional.of("ada"), users.get("u:1"));
    assertEquals(Optional.empty(), users.get("u:9"));
    assertEquals(List.of("u:1", "u:2"), users.idsStartingWith("u:"));
  }
}

package org.kalamdb.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.junit.KalamStoreTest;
import org.kalamdb.junit.MemoryWatch;
import org.kalamdb.junit.TempStore;
import org.kalamdb.store.DatabaseWatch;
import org.rocksdb.RocksDBException;

/**
 * The seed report's scenario on a database the application's own code opened: 50 tables of 2 MB
 * each created by {@link TableRepository}. The extension fails a test whose watched database goes
 * over its budget, 80 MB here, right after the test method.
 */
@KalamStoreTest(memoryBudgetMb = 80)
class TableRepositoryTest {
  private static final int TABLES = 50;
  private static final int ROWS_PER_TABLE = 2048;
  private static final long BUDGET_BYTES = 80L << 20;

  /** src/main/resources/config.toml: the seed's settings plus a 32 MB memtable limit. */
  private static RocksDbConfig config() {
    return RocksDbConfig.load(Path.of("src/main/resources/config.toml"));
  }

  private static void fiftyTables(TableRepository repository) throws RocksDBException {
    Random random = new Random(42);
    byte[] bytes = new byte[768];
    for (int t = 0; t < TABLES; t++) {
      String table = "t" + t;
      repository.createTable(table);
      for (int row = 0; row < ROWS_PER_TABLE; row++) {
        random.nextBytes(bytes);
        repository.put(table, "row:" + row, HexFormat.of().formatHex(bytes, 0, 512));
      }
    }
  }

  @Test
  void readsWhatItWrote(@TempStore Path dir) throws RocksDBException {
    try (TableRepository repository = TableRepository.open(dir, config())) {
      repository.createTable("users");
      repository.put("users", "u:1", "ada");
      assertThat(repository.get("users", "u:1")).contains("ada");
      assertThat(repository.get("users", "u:2")).isEmpty();
      assertThat(repository.tables()).containsExactly("users");
    }
  }

  @Test
  void fiftyTablesStayWithinTheBudgetWithTheCap(@TempStore Path dir, MemoryWatch memory)
      throws RocksDBException {
    try (TableRepository repository = TableRepository.open(dir, config())) {
      DatabaseWatch watch = memory.watch("repository", repository.db(), repository.cache());
      fiftyTables(repository);
      watch.sampleNow(); // the last state counts too, before the close below

      assertThat(repository.tables()).hasSize(TABLES);
      assertThat(repository.get("t49", "row:2047")).isPresent();
      assertThat(watch.peak().total()).isLessThanOrEqualTo(BUDGET_BYTES);
    }
  }

  /**
   * The same code with the seed's settings (8 MB x 2 per table, no cap) goes over the 80 MB the cap
   * holds: this test gives itself room (1024 MB) so that the build stays green, and shows the
   * figure the extension would have failed the test with.
   */
  @Test
  @KalamStoreTest(memoryBudgetMb = 1024)
  void theSeedsSettingsGoOverIt(@TempStore Path dir, MemoryWatch memory) throws RocksDBException {
    try (TableRepository repository = TableRepository.open(dir, RocksDbConfig.defaults())) {
      DatabaseWatch watch = memory.watch("seed-settings", repository.db(), repository.cache());
      fiftyTables(repository);
      watch.sampleNow();

      assertThat(watch.peak().total()).isGreaterThan(BUDGET_BYTES);
    }
  }
}

package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalamdb.junit.BudgetTest.failureOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.kalamdb.report.MemoryComponent;
import org.kalamdb.report.MemoryReport;
import org.kalamdb.report.MemoryReportJson;
import org.kalamdb.report.StoreRecord;

/** The budget failure message and the report's page name a store's components in the same words. */
class ComponentWordsTest {
  @TempDir Path base;
  @TempDir Path reports;

  @Test
  void theFailureMessageAndThePageNameEachComponentAlike() throws IOException {
    EngineExecutionResults results =
        Fixtures.under(base)
            .with("kalamdb.store.storage", "memory")
            .with(RunParameters.REPORT, "true")
            .with(RunParameters.REPORT_DIR, reports.toString())
            .run(StorageTest.Everywhere.class);
    String message = failureOf(results, "overBudget").getMessage();
    MemoryReport report = MemoryReportJson.read(reports.resolve("kalamdb-memory.json"));
    String page = Files.readString(reports.resolve("kalamdb-memory.html"));

    StoreRecord big =
        report.tests().stream()
            .filter(t -> t.displayName().startsWith("overBudget"))
            .flatMap(t -> t.stores().stream())
            .filter(StoreRecord::overBudget)
            .findFirst()
            .orElseThrow();
    // A memory store has all four; each is named by the message, and the page, in its words.
    assertThat(big.components().keySet())
        .containsExactly(
            MemoryComponent.MEMTABLES.key(),
            MemoryComponent.BLOCK_CACHE.key(),
            MemoryComponent.TABLE_READERS.key(),
            MemoryComponent.IN_MEMORY_FILES.key());
    for (String key : big.components().keySet()) {
      String words = MemoryComponent.words(key);
      assertThat(message).as("failure message").containsPattern(words + " [0-9.]+ MB");
      assertThat(page).as("page").contains("</span>" + words + " ");
    }
    assertThat(message).contains("block cache", "table readers", "in-memory files");
  }
}

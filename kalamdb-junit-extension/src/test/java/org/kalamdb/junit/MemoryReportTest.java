package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.kalamdb.report.BudgetCrossing;
import org.kalamdb.report.MemoryReport;
import org.kalamdb.report.MemoryReportJson;
import org.kalamdb.report.StoreRecord;
import org.kalamdb.report.TestRecord;
import org.kalamdb.report.TimelinePoint;
import org.kalamdb.store.KalamStore;
import org.kalamdb.store.NativeAllocator;

/** The memory report every run writes: what is in it, where it goes, when it is not written. */
class MemoryReportTest {
  @TempDir Path base;
  @TempDir Path reports;

  @Fixture
  @KalamStoreTest(config = "classpath:small.toml", memoryBudgetMb = 64)
  static class Watched {
    ApplicationDatabase repo;

    @Test
    void watches(@TempStore Path dir, MemoryWatch memory) throws Exception {
      repo = ApplicationDatabase.open(dir, MemoryWatchTest.SMALL);
      memory.watch("repo", repo.db, repo.options.cache());
      repo.fill(0, 1);
    }

    @AfterEach
    void close() {
      repo.close();
    }
  }

  @Test
  void theReportHoldsWhatRanReadBackFromTheFile() throws IOException {
    EngineExecutionResults results =
        fixtures()
            .with(RunParameters.JVM_BUDGET_MB, JvmBudgetTest.BUDGET_MB)
            .run(JvmBudgetTest.ThreeTests.class, Watched.class);
    results.testEvents().assertStatistics(stats -> stats.succeeded(3).failed(1));

    MemoryReport report = MemoryReportJson.read(reports.resolve("kalamdb-memory.json"));

    assertThat(report.format()).isEqualTo(MemoryReport.FORMAT);
    assertThat(report.jvmBudgetBytes()).isEqualTo(7L << 20);
    assertThat(report.source()).contains("kalamdb-junit-extension");
    assertThat(report.allocator()).isEqualTo(NativeAllocator.current().describe());
    assertThat(report.tests())
        .extracting(TestRecord::displayName, TestRecord::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("small(KalamStore)", "passed"),
            org.assertj.core.groups.Tuple.tuple("large(KalamStore)", "failed"),
            org.assertj.core.groups.Tuple.tuple("smallAgain(KalamStore)", "passed"),
            org.assertj.core.groups.Tuple.tuple("watches(Path, MemoryWatch)", "passed"));
    TestRecord large = report.tests().get(1);
    assertThat(large.className()).isEqualTo(JvmBudgetTest.ThreeTests.class.getName());
    assertThat(large.failure()).startsWith("the JVM-wide sum of RocksDB memory went over");
    assertThat(report.tests().get(0).failure()).isNull();
    assertThat(large.stores()).extracting(StoreRecord::name).contains("shared");
    StoreRecord shared =
        large.stores().stream().filter(s -> s.name().equals("shared")).findFirst().orElseThrow();
    assertThat(shared.kind()).isEqualTo("store");
    assertThat(shared.storage()).isEqualTo("disk");
    assertThat(shared.budgetSource()).startsWith("worst case of the config for 1 column family");
    assertThat(shared.budgetBytes()).isPositive();
    assertThat(shared.components()).containsOnlyKeys("memtables", "blockCache", "tableReaders");
    assertThat(shared.components().get("memtables")).isGreaterThan(2L << 20);
    assertThat(shared.peakBytes()).isGreaterThanOrEqualTo(shared.components().get("memtables"));
    assertThat(shared.overBudget()).isFalse();
    StoreRecord repo = report.tests().get(3).stores().get(0);
    assertThat(repo.name()).isEqualTo("repo");
    assertThat(repo.kind()).isEqualTo("watched");
    assertThat(repo.budgetBytes()).isEqualTo(64L << 20);
    assertThat(repo.budgetSource()).isEqualTo("@KalamStoreTest on class Watched memoryBudgetMb");
    // 1 MB written into 1 MB write buffers: the highest sample, taken as the flush began, is near
    // 1 MB, a little under or over it.
    assertThat(repo.peakBytes()).isGreaterThan(512L << 10);

    for (TestRecord test : report.tests()) {
      assertThat(test.startMillis()).isLessThanOrEqualTo(test.endMillis());
      assertThat(test.endMillis()).isLessThanOrEqualTo(report.durationMillis());
    }
    for (int i = 1; i < report.tests().size(); i++) {
      assertThat(report.tests().get(i).startMillis())
          .isGreaterThanOrEqualTo(report.tests().get(i - 1).endMillis());
    }

    List<TimelinePoint> timeline = report.timeline();
    assertThat(timeline).hasSizeGreaterThan(2);
    for (int i = 1; i < timeline.size(); i++) {
      assertThat(timeline.get(i).atMillis()).isGreaterThanOrEqualTo(timeline.get(i - 1).atMillis());
    }
    assertThat(timeline.get(timeline.size() - 1).atMillis()).isEqualTo(report.durationMillis());
    assertThat(timeline.stream().mapToLong(TimelinePoint::totalBytes).max().orElseThrow())
        .isGreaterThan(7L << 20);

    assertThat(report.crossings()).hasSize(1);
    BudgetCrossing crossing = report.crossings().get(0);
    assertThat(crossing.testIds()).containsExactly(large.uniqueId());
    assertThat(crossing.budgetBytes()).isEqualTo(7L << 20);
    assertThat(crossing.totalBytes()).isGreaterThan(7L << 20);
    assertThat(crossing.atMillis()).isBetween(large.startMillis(), large.endMillis());
    assertThat(crossing.shares()).hasSize(2);
    assertThat(crossing.shares().get(0).name()).endsWith(" of ThreeTests.large(KalamStore)");
    assertThat(crossing.shares().get(1).name()).isEqualTo("store 'shared' of ThreeTests");
    assertThat(crossing.shares().stream().mapToLong(BudgetCrossing.Share::bytes).sum())
        .isEqualTo(crossing.totalBytes());

    // The page beside it draws the same run: every test with its peak, in bytes.
    String page = Files.readString(reports.resolve("kalamdb-memory.html"));
    assertThat(page).startsWith("<!DOCTYPE html>").doesNotContain("<script");
    for (TestRecord test : report.tests()) {
      assertThat(page).contains("data-peak-bytes=\"" + test.peakBytes() + "\"");
    }
    assertThat(page).contains("large(KalamStore)", "watches(Path, MemoryWatch)");
  }

  @Test
  void aReportIdNamesTheFileSoForksAndShardsEachWriteTheirOwn() throws IOException {
    fixtures().with(RunParameters.REPORT_ID, "fork-3").run(Watched.class);

    assertThat(files(reports))
        .containsExactlyInAnyOrder(
            reports.resolve("kalamdb-memory-fork-3.json"),
            reports.resolve("kalamdb-memory-fork-3.html"));
    assertThat(MemoryReportJson.read(reports.resolve("kalamdb-memory-fork-3.json")).source())
        .contains("(report id fork-3)");
  }

  @Test
  void aReportIdThatIsNoFileNameIsAConfigurationError() {
    EngineExecutionResults results =
        fixtures().with(RunParameters.REPORT_ID, "../x").run(Watched.class);

    assertThat(
            results
                .allEvents()
                .failed()
                .list()
                .get(0)
                .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                .getThrowable())
        .get()
        .hasFieldOrPropertyWithValue(
            "message",
            "configuration parameter kalamdb.store.report-id names the report file"
                + " kalamdb-memory-ID.json and may hold only letters, digits, '.', '-' and '_',"
                + " got '../x'");
  }

  @Test
  void reportFalseWritesNothing() throws IOException {
    EngineExecutionResults results =
        fixtures().with(RunParameters.REPORT, "false").run(Watched.class);

    results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    assertThat(files(reports)).isEmpty();
  }

  @Test
  void aReportThatCannotBeWrittenCostsOneWarningLineAndNoTest() throws IOException {
    Path notADirectory = Files.writeString(reports.resolve("plain-file"), "x");
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    EngineExecutionResults results;
    try {
      results =
          fixtures().with(RunParameters.REPORT_DIR, notADirectory.toString()).run(Watched.class);
    } finally {
      System.setErr(original);
    }

    results.allEvents().assertStatistics(stats -> stats.failed(0));
    results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .isEqualTo(
            "[kalamdb] WARNING: the memory report "
                + notADirectory.resolve("kalamdb-memory.json")
                + " was not written: Not a directory (tests are not affected)");
  }

  @Fixture
  @KalamStoreTest(config = "classpath:huge-cache.toml")
  static class HugeWorstCase {
    @Test
    void opens(KalamStore store) {}
  }

  @Test
  void budgetsAreInTheReportExactlyOrTheTestFailsSayingWhy() throws IOException {
    EngineExecutionResults results =
        fixtures()
            .with(RunParameters.JVM_BUDGET_MB, "8796093022207")
            .run(BudgetTest.LargestBudget.class, HugeWorstCase.class);

    MemoryReport report = MemoryReportJson.read(reports.resolve("kalamdb-memory.json"));
    assertThat(report.jvmBudgetBytes()).isEqualTo(8796093022207L << 20);
    TestRecord largest = report.tests().get(0);
    assertThat(largest.status()).isEqualTo("passed");
    assertThat(largest.stores().get(0).budgetBytes()).isEqualTo(8796093022207L << 20);
    // A worst case over 2^63 bytes fits no report (nor any peak's check): said, never null.
    TestRecord huge = report.tests().get(1);
    assertThat(huge.status()).isEqualTo("failed");
    assertThat(huge.failure())
        .isEqualTo(
            "store 'opens.arg0': its budget, the worst case of the config for 1 column family: 1 x 8"
                + " MB x 2 + 8796093022207 MB cache = 8796093022223 MB, is over the largest budget"
                + " of 8796093022207 MB (2^63 bytes); set a memoryBudgetMb; config:"
                + " target/test-classes/huge-cache.toml");
    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
  }

  private Fixtures fixtures() {
    return Fixtures.under(base)
        .with(RunParameters.REPORT, "true")
        .with(RunParameters.REPORT_DIR, reports.toString());
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().toList();
    }
  }
}

package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.kalamdb.store.KalamStore;

/**
 * A run that fails on a bad configuration parameter writes no memory report, and must not leave the
 * report of an earlier run in its place looking current.
 */
class StaleReportTest {
  @TempDir Path base;
  @TempDir Path reports;

  @Fixture
  @KalamStoreTest
  static class OneStore {
    @Test
    void store(KalamStore store) {
      store.put("default", new byte[1], new byte[1]);
    }
  }

  @Test
  void aRunThatFailsOnItsConfigurationRemovesTheEarlierReport() throws IOException {
    Path json = Files.writeString(reports.resolve("kalamdb-memory.json"), "{\"earlier\":true}");
    Path html = Files.writeString(reports.resolve("kalamdb-memory.html"), "<p>earlier run</p>");
    Path other = Files.writeString(reports.resolve("kalamdb-memory-fork-2.json"), "{}");

    Captured run =
        captureErr(() -> fixtures().with(RunParameters.CLEANUP, "sometimes").run(OneStore.class));

    run.results().allEvents().assertStatistics(stats -> stats.failed(1));
    run.results().testEvents().assertStatistics(stats -> stats.started(0));
    assertThat(json).doesNotExist();
    assertThat(html).doesNotExist();
    assertThat(other).exists(); // another fork's or shard's report is not this run's
    assertThat(run.err().lines())
        .containsExactly(
            "[kalamdb] removed the memory report "
                + json.toAbsolutePath()
                + " and its page of an earlier run: this run failed on its configuration (see the"
                + " failed tests), so it writes none");
  }

  @Test
  void theReportOfTheSameIdIsRemoved() throws IOException {
    Path json = Files.writeString(reports.resolve("kalamdb-memory-fork-2.json"), "{}");
    Path plain = Files.writeString(reports.resolve("kalamdb-memory.json"), "{}");

    captureErr(
        () ->
            fixtures()
                .with(RunParameters.REPORT_ID, "fork-2")
                .with(RunParameters.MEMORY_BUDGET_MB, "lots")
                .run(OneStore.class));

    assertThat(json).doesNotExist();
    assertThat(plain).exists();
  }

  @Test
  void noReportIsRemovedWhenTheReportParametersThemselvesNameNone() throws IOException {
    Path json = Files.writeString(reports.resolve("kalamdb-memory.json"), "{}");

    // report-id '../x' names no file a run could have written; report=false asks for no report.
    captureErr(() -> fixtures().with(RunParameters.REPORT_ID, "../x").run(OneStore.class));
    captureErr(
        () ->
            fixtures()
                .with(RunParameters.REPORT, "false")
                .with(RunParameters.CLEANUP, "sometimes")
                .run(OneStore.class));

    assertThat(json).exists();
  }

  @Test
  void aGoodRunStillReplacesTheReport() throws IOException {
    Path json = Files.writeString(reports.resolve("kalamdb-memory.json"), "{\"earlier\":true}");

    Captured run = captureErr(() -> fixtures().run(OneStore.class));

    run.results().testEvents().assertStatistics(stats -> stats.succeeded(1));
    assertThat(Files.readString(json)).contains("\"tests\"");
    assertThat(run.err()).isEmpty();
  }

  private Fixtures fixtures() {
    return Fixtures.under(base)
        .with(RunParameters.REPORT, "true")
        .with(RunParameters.REPORT_DIR, reports.toString());
  }

  private record Captured(EngineExecutionResults results, String err) {}

  private static Captured captureErr(Supplier<EngineExecutionResults> run) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      EngineExecutionResults results = run.get();
      return new Captured(results, captured.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(original);
    }
  }
}

package org.kalamdb.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@link StreamsMemoryHarness} working: its smallest case (one key-value store, a quarter MB,
 * {@code TopologyTestDriver} only, in this JVM) through its main entry gives a row with positive
 * figures for each of the three setups, and writes its table and plot.
 */
class StreamsMemoryHarnessSmokeTest {

  @Test
  void theSmallestCaseGivesPositiveFiguresForEverySetup(@TempDir Path out) throws Exception {
    StreamsMemoryHarness.main(
        new String[] {
          "--drivers=driver",
          "--setups=a,b,c",
          "--stores=1",
          "--kinds=kv",
          "--mb-per-store=0.25",
          "--same-jvm",
          "--out=" + out
        });

    List<CaseResult> rows =
        Files.readAllLines(out.resolve("results.csv")).stream()
            .skip(1)
            .map(line -> CaseResult.parse(CaseResult.PREFIX + line))
            .toList();
    assertThat(rows).extracting(CaseResult::setup).containsExactly(Setup.values());
    assertThat(rows)
        .allSatisfy(
            r -> {
              assertThat(r.finished()).isTrue();
              assertThat(r.records()).isPositive();
              assertThat(r.recordsPerSecond()).isPositive();
              assertThat(r.memtablesPeak()).isPositive();
              assertThat(r.accountedPeak()).isGreaterThanOrEqualTo(r.memtablesPeak());
              assertThat(r.rssPeak()).isPositive();
            });
    assertThat(Files.readString(out.resolve("table.md"))).contains("(c) KalamRocksDBConfigSetter");
    assertThat(Files.readString(out.resolve("kafka-streams-memory.svg"))).startsWith("<svg");
  }
}

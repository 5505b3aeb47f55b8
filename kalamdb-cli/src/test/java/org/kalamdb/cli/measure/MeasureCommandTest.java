package org.kalamdb.cli.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.cli.CliRun;

/**
 * Small real runs only (2 column families, 1 MB each): the structure of the report and the
 * consistency of its figures. The benchmark itself is run by hand, never as a test.
 */
class MeasureCommandTest {

  @TempDir Path workDir;

  @Test
  void measuresEveryProfileInAChildJvmAndReportsConsistentFigures() throws IOException {
    CliRun run =
        CliRun.of(
            "measure",
            "--profiles",
            "defaults,seed",
            "--column-families",
            "2",
            "--mb-per-cf",
            "1",
            "--work-dir",
            workDir.toString(),
            "--json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.errLines())
        .containsExactly("[1/2] RocksDB defaults, 2 CFs ...", "[2/2] seed settings, 2 CFs ...");
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("heapMb").asInt()).isEqualTo(64);
    assertThat(json.get("mbPerColumnFamily").asInt()).isEqualTo(1);
    assertThat(json.get("keyOrder").asText()).isEqualTo("sequential");
    assertThat(json.get("machine").get("cpus").asInt()).isPositive();
    JsonNode results = json.get("results");
    assertThat(results).hasSize(2);
    assertThat(results.get(0).get("profile").asText()).isEqualTo("defaults");
    assertThat(results.get(1).get("profile").asText()).isEqualTo("seed");
    for (JsonNode r : results) {
      assertThat(r.get("ok").asBoolean()).as(r.toString()).isTrue();
      assertThat(r.get("columnFamilies").asInt()).isEqualTo(2);
      // 1 MB of 1 KB values to each of 2 CFs, keys of 16 bytes, every value read back equal.
      assertThat(r.get("valuesRead").asLong()).isEqualTo(2 * 1024);
      assertThat(r.get("writtenBytes").asLong()).isEqualTo(2 * 1024 * (1024 + 16));
      long memTables = r.get("peakMemTableBytes").asLong();
      long total = r.get("peakTotalBytes").asLong();
      // Everything written is still in memtables (1 MB is far below either write buffer).
      assertThat(memTables).isGreaterThanOrEqualTo(2 * 1024 * 1024);
      assertThat(total)
          .isEqualTo(
              memTables
                  + r.get("peakBlockCacheBytes").asLong()
                  + r.get("peakTableReadersBytes").asLong());
      assertThat(r.get("writeMbPerSecond").asDouble()).isPositive();
      assertThat(r.get("readMbPerSecond").asDouble()).isPositive();
      assertThat(r.get("elapsedMillis").asLong()).isPositive();
      assertThat(r.get("sstFiles").asLong()).isNotNegative();
      if (Files.isReadable(Path.of("/proc/self/status"))) {
        assertThat(r.get("rssGrowthBytes").asLong()).isPositive();
      } else {
        assertThat(r.get("rssGrowthBytes").isNull()).isTrue();
      }
    }
    try (Stream<Path> left = Files.list(workDir)) {
      assertThat(left).as("temp dirs are deleted").isEmpty();
    }
  }

  @Test
  void randomKeyOrderWritesAndReadsBackEveryValue() throws IOException {
    CliRun run =
        CliRun.of(
            "measure",
            "--profiles",
            "seed",
            "--column-families",
            "2",
            "--mb-per-cf",
            "1",
            "--key-order",
            "random",
            "--work-dir",
            workDir.toString(),
            "--json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("keyOrder").asText()).isEqualTo("random");
    JsonNode result = json.get("results").get(0);
    assertThat(result.get("ok").asBoolean()).as(result.toString()).isTrue();
    // Every scrambled key was distinct: 2048 values written, 2048 different values read back.
    assertThat(result.get("valuesRead").asLong()).isEqualTo(2 * 1024);
    assertThat(result.get("peakMemTableBytes").asLong()).isGreaterThanOrEqualTo(2 * 1024 * 1024);
  }

  @Test
  void aFailingWorkerIsAFailedRowWithItsReasonAndExitCode1() throws IOException {
    // A 100 MB value cannot exist in the worker's fixed 64 MB heap: a real failure in the child.
    CliRun run =
        CliRun.of(
            "measure",
            "--profiles",
            "seed",
            "--column-families",
            "1",
            "--mb-per-cf",
            "1",
            "--value-bytes",
            "100000000",
            "--work-dir",
            workDir.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).contains("| seed settings | 1   | failed: Java heap space");
    assertThat(run.out()).doesNotContain("\tat ");
    try (Stream<Path> left = Files.list(workDir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void theConfigProfileNeedsAConfigAndUnknownProfilesAreUsageErrors() {
    CliRun noConfig = CliRun.of("measure", "--profiles", "config");
    CliRun unknown = CliRun.of("measure", "--profiles", "tuned");
    CliRun badOrder = CliRun.of("measure", "--profiles", "seed", "--key-order", "reverse");

    assertThat(noConfig.exitCode()).isEqualTo(2);
    assertThat(noConfig.err()).contains("profile config needs --config FILE");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown profile 'tuned'");
    assertThat(badOrder.exitCode()).isEqualTo(2);
    assertThat(badOrder.err())
        .contains("unknown key order 'reverse'; expected sequential or random");
  }

  /** As --dialect: the names in any case ({@link org.kalamdb.config.ChoiceNames}). */
  @Test
  void profilesAndKeyOrdersAreReadInAnyCaseAndAnUnknownOneNamesTheOption() {
    // "profile config needs --config FILE" is only said once both names were read.
    CliRun mixedCase = CliRun.of("measure", "--profiles", "Seed, CONFIG", "--key-order", "Random");
    CliRun badOrder = CliRun.of("measure", "--profiles", "seed", "--key-order", "reverse");
    CliRun badProfile = CliRun.of("measure", "--profiles", "seed,tuned");

    assertThat(mixedCase.exitCode()).as(mixedCase.toString()).isEqualTo(2);
    assertThat(mixedCase.err()).startsWith("profile config needs --config FILE");
    assertThat(badOrder.err())
        .startsWith(
            "Invalid value for option '--key-order': unknown key order 'reverse'; expected"
                + " sequential or random (case-insensitive)");
    assertThat(badProfile.exitCode()).isEqualTo(2);
    assertThat(badProfile.err())
        .startsWith(
            "Invalid value for option '--profiles' (PROFILE): unknown profile 'tuned'; expected"
                + " defaults, seed, config or equal (case-insensitive)");
  }
}

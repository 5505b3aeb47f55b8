package org.kalamdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figures past a {@code long} are printed exactly, in text and JSON, and compared exactly. */
class ExactFiguresTest {
  /** 2147483647 x 8796093022207 x 2 + 32: the input, far past Long.MAX_VALUE MB. */
  private static final String WORST_MB = "37778931845360680697890";

  @TempDir Path dir;

  private Path huge() throws IOException {
    return Files.writeString(
        dir.resolve("huge.toml"), "[rocksdb]\nwrite_buffer_size_mb = 8796093022207\n");
  }

  @Test
  void checkPrintsTheExactWorstCase() throws IOException {
    Path file = huge();

    CliRun run = CliRun.of("check", "--column-families", "2147483647", file.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outLines())
        .containsExactly(
            file
                + ": ok, worst case "
                + WORST_MB
                + " MB for 2147483647 column families (2147483647 x 8796093022207 MB x 2 + 32 MB"
                + " cache)");
    assertThat(run.out()).doesNotContain(Long.toString(Long.MAX_VALUE));
  }

  @Test
  void checkJsonCarriesTheExactNumber() throws IOException {
    CliRun run = CliRun.of("check", "--json", "--column-families", "2147483647", huge().toString());

    JsonNode worst = new ObjectMapper().readTree(run.out()).get("files").get(0).get("worstCase");
    assertThat(worst.get("mb").bigIntegerValue()).isEqualTo(new BigInteger(WORST_MB));
  }

  @Test
  void theLargestBudgetIsComparedExactlyAndFails() throws IOException {
    Path file = huge();

    CliRun run =
        CliRun.of(
            "check",
            "--column-families",
            "2147483647",
            "--budget-mb",
            "8796093022207",
            file.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            file
                + ": error: worst case "
                + WORST_MB
                + " MB for 2147483647 column families exceeds the budget of 8796093022207 MB");
  }

  @Test
  void estimatePrintsTheExactWorstCaseInTextAndJson() throws IOException {
    Path file = huge();

    CliRun text =
        CliRun.of("estimate", "--config", file.toString(), "--column-families", "2147483647");
    CliRun json =
        CliRun.of(
            "estimate", "--json", "--config", file.toString(), "--column-families", "2147483647");

    assertThat(text.exitCode()).as(text.toString()).isZero();
    assertThat(text.out())
        .contains(WORST_MB + " MB")
        // (2147483647 x 160 - WORST_MB) / (2147483647 x 160), exactly, to one decimal.
        .contains("-10995116277658.8%")
        .doesNotContain(Long.toString(Long.MAX_VALUE));
    JsonNode row = new ObjectMapper().readTree(json.out()).get("scenarios").get(0);
    assertThat(row.get("configMb").bigIntegerValue()).isEqualTo(new BigInteger(WORST_MB));
  }

  @Test
  void oneColumnFamilyIsSingular() throws IOException {
    Path file = Files.writeString(dir.resolve("c.toml"), "[rocksdb]\n");

    CliRun run = CliRun.of("check", "--column-families", "1", "--budget-mb", "1", file.toString());

    assertThat(run.out())
        .contains("worst case 48 MB for 1 column family exceeds")
        .doesNotContain("1 column families");
  }

  @Test
  void generateSaysOneColumnFamilyWhenTheBudgetCannotHoldIt() {
    CliRun run = CliRun.of("generate", "--budget-mb", "1", "--column-families", "1");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            "a budget of 1 MB cannot hold 1 column family: the smallest budget that does is 2 MB");
  }
}

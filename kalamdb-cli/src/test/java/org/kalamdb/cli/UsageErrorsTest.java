package org.kalamdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arguments no run can use are usage errors (exit 2) that name the option and its range. */
class UsageErrorsTest {
  @TempDir Path dir;

  @Test
  void generateWithABudgetPastTheLargestSizeIsAUsageError() {
    CliRun run = CliRun.of("generate", "--budget-mb", "9223372036854775807");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err())
        .contains("--budget-mb must be between 1 and 8796093022207 (MB), got 9223372036854775807");
  }

  @Test
  void checkWithABudgetPastTheLargestSizeIsAUsageError() throws IOException {
    Path file = Files.writeString(dir.resolve("c.toml"), "[rocksdb]\n");

    CliRun run = CliRun.of("check", "--budget-mb", "8796093022208", file.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--budget-mb must be between 1 and 8796093022207");
  }

  @Test
  void theLargestBudgetItselfIsAccepted() {
    CliRun run = CliRun.of("generate", "--budget-mb", "8796093022207");

    assertThat(run.exitCode()).as(run.toString()).isZero();
  }

  @Test
  void estimateWithNoCountIsAUsageErrorNamingTheOption() {
    CliRun run = CliRun.of("estimate", "--column-families", ",");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--column-families needs at least one count");
    assertThat(run.out()).doesNotContain("Scenario");
  }
}

package org.kalamdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Control characters of keys, file names and arguments never reach the terminal raw. */
class TerminalOutputTest {
  @TempDir Path dir;

  @Test
  void aKeyWithAnEscapeSequenceIsPrintedEscaped() throws IOException {
    // The TOML escape puts a real ESC into the key.
    Path file = Files.writeString(dir.resolve("c.toml"), "[rocksdb]\n\"\\u001b[31mred\" = 1\n");

    CliRun run = CliRun.of("check", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("\\u001B[31mred").doesNotContain("\u001b");
  }

  @Test
  void aFileNameWithControlCharactersIsPrintedEscaped() throws IOException {
    Path file = Files.writeString(dir.resolve("red\u001b[31m\u009b.toml"), "[rocksdb]\n");

    CliRun run = CliRun.of("check", file.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("red\\u001B[31m\\u009B.toml: ok")
        .doesNotContain("\u001b")
        .doesNotContain("\u009b");
  }

  @Test
  void anArgumentPicocliRefusesIsPrintedEscaped() {
    CliRun run = CliRun.of("check", "--\u001b[2J", "config.toml");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("\\u001B[2J").doesNotContain("\u001b");
  }

  @Test
  void estimateNamesAConfigFileEscaped() throws IOException {
    Path file = Files.writeString(dir.resolve("x\u001b[31m.toml"), "[rocksdb]\n");

    CliRun run = CliRun.of("estimate", "--config", file.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("x\\u001B[31m.toml").doesNotContain("\u001b");
  }
}

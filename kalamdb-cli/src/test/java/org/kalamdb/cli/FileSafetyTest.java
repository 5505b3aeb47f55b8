package org.kalamdb.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the CLI does with files it must not read or write, and with paths no file can have. */
class FileSafetyTest {
  @TempDir Path dir;

  private static CliRun quickly(String... args) {
    return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CliRun.of(args));
  }

  private Path fifo() throws IOException, InterruptedException {
    Path pipe = dir.resolve("p");
    int code;
    try {
      code = new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor();
    } catch (IOException notLinux) {
      code = -1;
    }
    assumeTrue(code == 0, "mkfifo is not available");
    return pipe;
  }

  private Path sparse(long size) throws IOException {
    Path big = dir.resolve("big.toml");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(size);
    }
    return big;
  }

  @Test
  void checkOfANamedPipeIsOneLineNotAHang() throws Exception {
    Path pipe = fifo();
    CliRun run = quickly("check", pipe.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.errLines().isEmpty() ? run.outLines() : run.errLines())
        .contains(pipe + ": error: cannot read file: is a named pipe (FIFO), not a regular file");
  }

  @Test
  void generateIntoANamedPipeIsRefused() throws Exception {
    Path pipe = fifo();
    CliRun run = quickly("generate", "-o", pipe.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.errLines())
        .containsExactly(
            pipe + ": error: cannot write file: is a named pipe (FIFO), not a regular file");
    assertThat(Files.isRegularFile(pipe)).isFalse();
  }

  @Test
  void anEmptyOutputIsAUsageErrorNamingTheOption() {
    CliRun run = CliRun.of("generate", "-o", "");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("'--output'").contains("the path is empty");
    assertThat(run.err()).doesNotContain("Is a directory");
  }

  @Test
  void aNulInAPathNamesTheSetting() {
    CliRun run = CliRun.of("check", "a\0b");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.errLines().get(0))
        .contains("FILE")
        .contains("path 'a\\u0000b' contains a NUL character");
    assertThat(run.err()).doesNotContain("Nul character not allowed");
  }

  @Test
  void aFileOverTheLimitIsOneLocatedLine() throws Exception {
    Path big = sparse(50L * 1024 * 1024);
    CliRun run = quickly("check", big.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out() + run.err())
        .contains(big + ": error: 52428800 bytes is over the 256 KiB limit for a config file")
        .doesNotContain("Exception");
  }

  @Test
  void aTwentyMegabyteLineIsRefusedToo() throws Exception {
    Path line = dir.resolve("line.toml");
    Files.writeString(
        line, "x = \"" + "a".repeat(20 * 1024 * 1024) + "\"\n", StandardCharsets.UTF_8);
    CliRun run = quickly("generate", "-o", line.toString());
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.errLines())
        .containsExactly(
            line + ": error: 20971527 bytes is over the 256 KiB limit for a config file");
  }

  @Test
  void aHugeFileInA64MbHeapIsStillOneLine() throws Exception {
    Path big = sparse(50L * 1024 * 1024);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-Xmx64m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    KalamCli.class.getName(),
                    "check",
                    big.toString()))
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(output).isEqualTo(1);
    assertThat(output)
        .contains(big + ": error: 52428800 bytes is over the 256 KiB limit for a config file")
        .doesNotContain("OutOfMemoryError")
        .doesNotContain("\tat ");
  }

  @Test
  void aWorkDirThatCannotBeMadeSaysWhy() {
    CliRun run = CliRun.of("measure", "--work-dir", "/proc/x", "--column-families", "1");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err())
        .contains("--work-dir /proc/x: cannot create a directory there: ")
        .doesNotContain("NoSuchFileException");
  }
}

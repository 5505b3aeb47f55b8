package org.kalamdb.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.kalamdb.cli.CliRun;

/**
 * Coverage-guided fuzzing (Jazzer) of {@code kalamdb check}, run in-process on the input written to
 * a file: whatever the file holds, the answer is exit 0 or 1 with diagnostics, never a usage error
 * (2), an exception or a stack trace. A plain build runs it once per seed (kalamdb-config's corpus,
 * copied in at build time) and per committed finding.
 */
class CheckFuzzTest {
  /**
   * A frame of a printed stack trace, its "Caused by", or a throwable's own line: each at a line's
   * start, where a diagnostic (which starts with the file name) never is.
   */
  private static final Pattern TRACE =
      Pattern.compile(
          "(?m)^(\\s+at [\\w$.]+\\(|Caused by: |Exception in thread |[\\w$.]+(Exception|Error)(: |$))");

  private static final Path FILE = fuzzFile();

  /** One file, rewritten per input; fuzzing runs millions of inputs and must not fill the disk. */
  private static Path fuzzFile() {
    try {
      Path dir = Files.createTempDirectory("kalamdb-check-fuzz");
      dir.toFile().deleteOnExit();
      Path file = dir.resolve("fuzz.toml");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest
  void checkAnswersEveryFile(byte[] input) throws IOException {
    Files.write(FILE, input);
    for (String[] args :
        new String[][] {
          {"check", FILE.toString()},
          {"check", "--json", "--dialect", "kalamdb-server", "--budget-mb", "64", FILE.toString()}
        }) {
      CliRun run = CliRun.of(args);
      assertThat(run.exitCode()).as(run.toString()).isIn(0, 1);
      assertThat(run.out() + run.err()).as(run.toString()).doesNotContainPattern(TRACE);
      assertThat(run.out() + run.err()).as(run.toString()).doesNotContain("internal error");
    }
  }
}

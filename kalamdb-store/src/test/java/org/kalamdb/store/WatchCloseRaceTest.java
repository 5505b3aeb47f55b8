package org.kalamdb.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, finding 1: owners closing watched databases on their own threads must never crash the
 * JVM. {@link WatchCloseRace} runs in a child JVM, so that a crash is this test's failure (with the
 * JVM's own report in the output) rather than the end of the whole test run. The length is
 * 150 s; the build runs 20 s, which crashed the JVM before the fix in every run tried.
 */
class WatchCloseRaceTest {

  @Test
  void ownersClosingWatchedDatabasesNeverCrashTheJvm() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-Xmx256m",
                "-XX:ErrorFile="
                    + System.getProperty("java.io.tmpdir")
                    + File.separator
                    + "kalamdb-watch-race-hs_err_%p.log",
                "-cp",
                System.getProperty("java.class.path"),
                WatchCloseRace.class.getName(),
                "20",
                "32",
                "40",
                "6")
            .redirectErrorStream(true)
            .start();
    boolean ended = child.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      child.destroyForcibly();
    }
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ended).as("the race ended within 120 s; output:%n%s", output).isTrue();
    assertThat(child.exitValue()).as("exit code; output:%n%s", output).isZero();
    assertThat(output).containsPattern("\\d+ databases watched and closed");
    assertThat(output).doesNotContain("SIGSEGV");
    List<String> lines = output.lines().toList();
    System.out.println(lines.get(lines.size() - 1));
  }
}

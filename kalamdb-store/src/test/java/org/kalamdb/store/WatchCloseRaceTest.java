package org.kalamdb.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
    ChildJvm child = ChildJvm.run(WatchCloseRace.class, 120, "20", "32", "40", "6");
    String output = child.output();
    assertThat(child.ended()).as("the race ended within 120 s; output:%n%s", output).isTrue();
    assertThat(child.exitCode()).as("exit code; output:%n%s", output).isZero();
    assertThat(output).containsPattern("\\d+ databases watched and closed");
    assertThat(output).doesNotContain("SIGSEGV");
    List<String> lines = output.lines().toList();
    System.out.println(lines.get(lines.size() - 1));
  }
}

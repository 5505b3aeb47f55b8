package org.kalamdb.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Where Chromium is missing, {@link BrowserRenderingTest} is skipped visibly: each of its tests is
 * reported as skipped with the reason (Surefire counts them and keeps the message), not the whole
 * class dropped before any test, which Surefire shows as {@code Tests run: 0} and no word.
 */
class BrowserRenderingSkipTest {

  @Test
  void withoutChromiumEachTestIsSkippedWithTheReason() {
    String missing = "/nonexistent/chromium";
    String before = System.getProperty(BrowserRenderingTest.CHROMIUM_PROPERTY);
    System.setProperty(BrowserRenderingTest.CHROMIUM_PROPERTY, missing);
    PrintStream originalErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    EngineExecutionResults results;
    try {
      results =
          EngineTestKit.engine("junit-jupiter")
              .selectors(selectClass(BrowserRenderingTest.class))
              .execute();
    } finally {
      System.setErr(originalErr);
      if (before == null) {
        System.clearProperty(BrowserRenderingTest.CHROMIUM_PROPERTY);
      } else {
        System.setProperty(BrowserRenderingTest.CHROMIUM_PROPERTY, before);
      }
    }

    results.containerEvents().assertStatistics(stats -> stats.aborted(0).failed(0));
    results.testEvents().assertStatistics(stats -> stats.started(3).aborted(3).failed(0));
    String reason =
        "Chromium is not installed at " + missing + " (apt-get install chromium); not run";
    List<Event> aborted = results.testEvents().aborted().list();
    for (Event event : aborted) {
      assertThat(
              event
                  .getRequiredPayload(TestExecutionResult.class)
                  .getThrowable()
                  .orElseThrow()
                  .getMessage())
          .isEqualTo("Assumption failed: " + reason);
    }
    // Surefire's console shows no skip reason: the class says it once on the build's output.
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .containsExactly("BrowserRenderingTest skipped: " + reason);
  }
}

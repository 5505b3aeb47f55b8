package org.kalamdb.kafka;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs a fixture class (one {@link FixtureCondition} enables) on the real Jupiter engine, with its
 * memory report written under a directory of the caller's and no printed peak lines.
 */
final class FixtureRun {

  private FixtureRun() {}

  static EngineExecutionResults of(Class<?> fixture, Path reports) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameter(FixtureCondition.PARAMETER, "true")
        .configurationParameter("kalamdb.store.report-dir", reports.toString())
        .configurationParameter("kalamdb.store.report-stdout", "false")
        .selectors(selectClass(fixture))
        .execute();
  }

  /** What the first failed test of {@code results} failed with. */
  static Throwable firstFailure(EngineExecutionResults results) {
    return results
        .testEvents()
        .failed()
        .list()
        .get(0)
        .getRequiredPayload(TestExecutionResult.class)
        .getThrowable()
        .orElseThrow();
  }
}

package org.kalamdb.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Fixtures, several of which fail on purpose, are skipped when run on their own. */
class FixtureRunConditionTest {
  @Test
  void aFixtureRunOutsideFixturesIsSkipped() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(CleanupTest.PassFailThrow.class))
        .execute()
        .containerEvents()
        .assertStatistics(stats -> stats.skipped(1).failed(0));
  }
}

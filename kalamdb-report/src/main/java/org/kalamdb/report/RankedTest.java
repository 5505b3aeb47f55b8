package org.kalamdb.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One test of the page, with what the page says about it in several places.
 *
 * @param test the test
 * @param source the {@link MemoryReport#source()} of its report (one fork or shard)
 * @param anchor the id of its store breakdown on the page
 * @param overBudget whether one of its stores went over its budget, or the JVM-wide sum crossed the
 *     JVM budget while it ran
 */
record RankedTest(TestRecord test, String source, String anchor, boolean overBudget) {

  /** The tests of every report, largest peak first; equal peaks in the order they ran. */
  static List<RankedTest> of(List<MemoryReport> reports) {
    List<RankedTest> all = new ArrayList<>();
    for (MemoryReport report : reports) {
      for (TestRecord test : report.tests()) {
        all.add(
            new RankedTest(
                test,
                report.source(),
                "test-" + (all.size() + 1),
                wentOver(test, report.crossings())));
      }
    }
    // A stable sort: ties keep report order, then start order.
    all.sort(Comparator.comparingLong((RankedTest r) -> r.test().peakBytes()).reversed());
    return List.copyOf(all);
  }

  static boolean wentOver(TestRecord test, List<BudgetCrossing> crossings) {
    boolean store = test.stores().stream().anyMatch(StoreRecord::overBudget);
    boolean jvm =
        crossings.stream().anyMatch(c -> c.testIds().contains(Objects.toString(test.uniqueId())));
    return store || jvm;
  }

  /** The store with the largest peak, the one the ranking's budget column shows. */
  StoreRecord peakStore() {
    return test.stores().stream()
        .max(Comparator.comparingLong(StoreRecord::peakBytes))
        .orElse(null);
  }
}

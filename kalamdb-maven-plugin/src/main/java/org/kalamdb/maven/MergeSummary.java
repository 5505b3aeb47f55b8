package org.kalamdb.maven;

import java.util.Comparator;
import java.util.List;
import org.kalamdb.report.Megabytes;
import org.kalamdb.report.MemoryReport;
import org.kalamdb.report.TestRecord;

/**
 * The one line memory-report logs about the page it wrote, e.g. {@code 2 reports, 3 tests, largest
 * peak 9.1 MB (com.acme.UserRepoTest bulkLoad())}.
 */
final class MergeSummary {
  private MergeSummary() {}

  static String of(List<MemoryReport> merged) {
    int tests = merged.stream().mapToInt(r -> r.tests().size()).sum();
    String text =
        merged.size()
            + (merged.size() == 1 ? " report, " : " reports, ")
            + tests
            + (tests == 1 ? " test" : " tests");
    TestRecord top =
        merged.stream()
            .flatMap(r -> r.tests().stream())
            .max(Comparator.comparingLong(TestRecord::peakBytes))
            .orElse(null);
    if (top == null) {
      return text;
    }
    return text
        + ", largest peak "
        + Megabytes.of(top.peakBytes())
        + " ("
        + top.className()
        + " "
        + top.displayName()
        + ")";
  }
}

package org.kalamdb.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kalamdb.report.MemoryReport;
import org.kalamdb.report.StoreRecord;
import org.kalamdb.report.TestRecord;

class MergeSummaryTest {

  private static TestRecord test(String name, long peak) {
    StoreRecord store =
        new StoreRecord(
            "store", "store", "disk", null, null, peak, Map.of("memtables", peak), false);
    return new TestRecord("id-" + name, "a.B", name, "passed", 0, 1, null, List.of(store));
  }

  private static MemoryReport report(TestRecord... tests) {
    return new MemoryReport(
        MemoryReport.FORMAT, "s", 0, 1, null, List.of(tests), List.of(), List.of());
  }

  @Test
  void namesTheCountsAndTheLargestPeakAcrossReports() {
    assertThat(
            MergeSummary.of(
                List.of(
                    report(test("small()", 1 << 20)),
                    report(test("big()", 5 << 20), test("mid()", 3 << 20)))))
        .isEqualTo("2 reports, 3 tests, largest peak 5.0 MB (a.B big())");
    assertThat(MergeSummary.of(List.of(report(test("only()", 1_572_864)))))
        .isEqualTo("1 report, 1 test, largest peak 1.5 MB (a.B only())");
    assertThat(MergeSummary.of(List.of(report()))).isEqualTo("1 report, 0 tests");
  }
}

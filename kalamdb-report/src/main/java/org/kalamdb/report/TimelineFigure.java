package org.kalamdb.report;

import static org.kalamdb.report.chart.MarkupText.escape;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.kalamdb.report.chart.ChartAxis;
import org.kalamdb.report.chart.ChartBand;
import org.kalamdb.report.chart.ChartLine;
import org.kalamdb.report.chart.ChartMarker;
import org.kalamdb.report.chart.ChartPoint;
import org.kalamdb.report.chart.ChartSegment;
import org.kalamdb.report.chart.ChartSeries;
import org.kalamdb.report.chart.SvgChart;

/**
 * One report's timeline as a figure: the JVM-wide sum over time, the JVM budget as a line, one band
 * per test (red for a test that went over a budget), a marker where the sum crossed the budget, and
 * the budget of each store that went over its own, drawn over the time its test ran.
 */
final class TimelineFigure {
  /** The series name of the JVM-wide sum. */
  static final String SERIES = "JVM-wide sum";

  private TimelineFigure() {}

  static void append(StringBuilder html, MemoryReport report) {
    long highest = report.timeline().stream().mapToLong(TimelinePoint::totalBytes).max().orElse(0);
    html.append("<figure class=\"timeline\" data-source=\"")
        .append(escape(report.source()))
        .append("\" data-samples=\"")
        .append(report.timeline().size())
        .append("\" data-peak-bytes=\"")
        .append(highest)
        .append('"');
    if (report.jvmBudgetBytes() != null) {
      html.append(" data-budget-bytes=\"").append(report.jvmBudgetBytes()).append('"');
    }
    if (report.allocator() != null) {
      html.append(" data-allocator=\"").append(escape(report.allocator())).append('"');
    }
    html.append('>');
    if (report.tests().isEmpty() && report.timeline().isEmpty()) {
      html.append("<p class=\"empty\">No test of this run used a store.</p>");
    } else {
      html.append(chart(report).svg());
    }
    html.append("<figcaption>")
        .append(escape(report.source()))
        .append(": started ")
        .append(Instant.ofEpochMilli(report.startedAtEpochMillis()))
        .append(", ")
        .append(String.format(Locale.ROOT, "%.1f s", report.durationMillis() / 1000.0))
        .append(", ")
        .append(report.tests().size())
        .append(report.tests().size() == 1 ? " test" : " tests")
        .append(", highest sum ")
        .append(Megabytes.of(highest))
        .append(" (")
        .append(highest)
        .append(" bytes), ")
        .append(
            report.jvmBudgetBytes() == null
                ? "no JVM budget"
                : "JVM budget " + Megabytes.of(report.jvmBudgetBytes()))
        .append(report.crossings().isEmpty() ? "" : ", crossed " + report.crossings().size() + "x")
        .append(report.allocator() == null ? "" : ", allocator " + escape(report.allocator()))
        .append("</figcaption></figure>");
  }

  private static SvgChart chart(MemoryReport report) {
    SvgChart chart =
        new SvgChart(
            "JVM-wide RocksDB memory: " + report.source(),
            1100,
            360,
            new ChartAxis("time since the run started (s)", 1000),
            new ChartAxis("accounted memory (MB)", Megabytes.unit()));
    for (TestRecord test : report.tests()) {
      chart.add(
          new ChartBand(
              test.className() + " " + test.displayName() + ": " + test.status(),
              test.startMillis(),
              test.endMillis(),
              RankedTest.wentOver(test, report.crossings())));
    }
    for (TestRecord test : report.tests()) {
      for (StoreRecord store : test.stores()) {
        // The store's own peak time is not recorded: its budget is drawn over its test's run.
        if (store.overBudget() && store.budgetBytes() != null) {
          chart.add(
              new ChartSegment(
                  ("watched".equals(store.kind()) ? "database '" : "store '")
                      + store.name()
                      + "' of "
                      + test.displayName()
                      + ": budget "
                      + Megabytes.of(store.budgetBytes())
                      + ", peak "
                      + Megabytes.of(store.peakBytes()),
                  test.startMillis(),
                  test.endMillis(),
                  store.budgetBytes()));
        }
      }
    }
    if (report.jvmBudgetBytes() != null) {
      chart.add(
          new ChartLine(
              "JVM budget " + Megabytes.of(report.jvmBudgetBytes()), report.jvmBudgetBytes()));
    }
    List<ChartPoint> points =
        TimelineSamples.forDrawing(report.timeline()).stream()
            .map(
                p ->
                    new ChartPoint(
                        p.atMillis(),
                        p.totalBytes(),
                        String.format(
                            Locale.ROOT,
                            "%.3f s: %s",
                            p.atMillis() / 1000.0,
                            Megabytes.of(p.totalBytes()))))
            .toList();
    chart.add(new ChartSeries(SERIES, points, false));
    for (BudgetCrossing crossing : report.crossings()) {
      chart.add(
          new ChartMarker(
              "over the JVM budget at "
                  + String.format(Locale.ROOT, "%.3f s", crossing.atMillis() / 1000.0)
                  + ": "
                  + Megabytes.of(crossing.totalBytes())
                  + " > "
                  + Megabytes.of(crossing.budgetBytes())
                  + "; running: "
                  + String.join(", ", crossing.testIds()),
              crossing.atMillis(),
              crossing.totalBytes()));
    }
    return chart;
  }
}

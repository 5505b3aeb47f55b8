package org.kalamdb.report;

import static org.kalamdb.report.chart.MarkupText.escape;

import java.util.List;
import java.util.Locale;

/**
 * The memory report as one self-contained HTML page ({@code kalamdb-memory.html}): inline CSS and
 * SVG only, no script, nothing loaded from anywhere. It shows, for one report or several merged
 * (one per Surefire fork or CI shard):
 *
 * <ul>
 *   <li>each report's timeline of the JVM-wide sum, with the JVM budget as a line, one band per
 *       test and the tests that went over a budget in red, budget crossings marked, and the budget
 *       of each store that went over its own drawn while its test ran;
 *   <li>every budget crossing with the tests running then and every store's share;
 *   <li>every test ranked by its peak, largest first, with status, class, peak and budget;
 *   <li>each test's stores, broken down by component (whatever components the report has, in its
 *       order, named as the budget failure message names them) as a stacked bar against the store's
 *       own budget and as numbers.
 * </ul>
 *
 * <p>The exact figures are in the markup too, for scripts and tests: {@code data-peak-bytes},
 * {@code data-budget-bytes}, {@code data-bytes} and {@code data-rank} attributes, and byte counts
 * beside every MB figure. All text from the reports (test names are user text) is escaped. The page
 * is also well-formed XML (polyglot HTML5), so XML tools read it as well.
 */
public final class MemoryReportHtml {
  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;margin:24px;color:#222;background:#fff}"
          + "h1{font-size:22px;margin:0 0 8px}h2{font-size:18px;margin:28px 0 8px;"
          + "border-bottom:1px solid #ccc}h3{font-size:15px;margin:18px 0 6px}"
          + "h3 small{font-weight:normal;color:#555}"
          + "table{border-collapse:collapse;font-size:13px}"
          + "th,td{border:1px solid #ddd;padding:3px 7px;text-align:left;vertical-align:top}"
          + "th{background:#f3f5f8}.n{text-align:right;font-variant-numeric:tabular-nums}"
          + ".bytes,.source{color:#666;font-size:11px}"
          + "tr.over td,.flag{color:#a00000}.flag{font-weight:bold;font-size:11px}"
          + "tr.status-failed td.status{color:#a00000;font-weight:bold}"
          + ".failure{white-space:pre-wrap;color:#a00000;font-family:monospace;font-size:12px}"
          + "figure{margin:12px 0}figcaption{font-size:13px;color:#444}"
          + "ul.legend,ul.components{list-style:none;padding:0;margin:0}"
          + "ul.legend li{display:inline-block;margin-right:16px}"
          + ".swatch{display:inline-block;width:10px;height:10px;margin-right:5px}"
          + ".empty{color:#666;font-style:italic}svg{max-width:100%;height:auto}"
          // A bar keeps its size, so its share of the budget stays readable in a narrow cell.
          + "svg.breakdown{max-width:none}tr.store td:first-child{overflow-wrap:anywhere;min-width:9em}";

  private MemoryReportHtml() {}

  /**
   * The page for {@code reports}: one report, or several merged (one per fork or shard), drawn in
   * the order given. No report, or reports without tests, give a page that says so.
   */
  public static String render(List<MemoryReport> reports) {
    List<RankedTest> ranked = RankedTest.of(reports);
    StringBuilder html = new StringBuilder(16384);
    html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">")
        .append("<head><meta charset=\"utf-8\"/>")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        .append("<title>kalamdb memory report</title><style>")
        .append(STYLE)
        .append("</style></head><body><h1>RocksDB memory of the test run</h1>");
    appendSummary(html, reports, ranked);
    if (!reports.isEmpty()) {
      html.append("<section id=\"timeline\"><h2>Timeline</h2>");
      for (MemoryReport report : reports) {
        TimelineFigure.append(html, report);
      }
      html.append("</section>");
      appendCrossings(html, reports);
    }
    if (!ranked.isEmpty()) {
      html.append("<section id=\"ranking\"><h2>Tests by peak</h2>");
      TestRanking.append(html, ranked, reports.size() > 1);
      html.append("</section><section id=\"stores\"><h2>Stores by component</h2>");
      StoreBreakdown.append(html, ranked);
      html.append("</section>");
    }
    return html.append("</body></html>\n").toString();
  }

  private static void appendSummary(
      StringBuilder html, List<MemoryReport> reports, List<RankedTest> ranked) {
    long over = ranked.stream().filter(RankedTest::overBudget).count();
    long crossings = reports.stream().mapToLong(r -> r.crossings().size()).sum();
    html.append("<p class=\"summary\" data-reports=\"")
        .append(reports.size())
        .append("\" data-tests=\"")
        .append(ranked.size())
        .append("\" data-over=\"")
        .append(over)
        .append("\" data-crossings=\"")
        .append(crossings)
        .append("\">");
    if (reports.isEmpty()) {
      html.append("No memory report was given.</p>");
      return;
    }
    if (ranked.isEmpty()) {
      html.append(reports.size() == 1 ? "One report" : reports.size() + " reports")
          .append(": no test used a store or a watched database.</p>");
      return;
    }
    RankedTest top = ranked.get(0);
    html.append(ranked.size())
        .append(ranked.size() == 1 ? " test" : " tests")
        .append(" from ")
        .append(reports.size() == 1 ? "one report" : reports.size() + " reports (forks or shards)")
        .append("; ")
        .append(over)
        .append(" went over a budget");
    // Crossings of a JVM budget only where one was set: "0 times" of no budget says nothing.
    if (reports.stream().anyMatch(r -> r.jvmBudgetBytes() != null)) {
      html.append(", the JVM-wide sum crossed its budget ")
          .append(crossings)
          .append(crossings == 1 ? " time" : " times");
    }
    html.append(". Largest peak: ")
        .append(Megabytes.of(top.test().peakBytes()))
        .append(", ")
        .append(escape(top.test().className()))
        .append(' ')
        .append(escape(top.test().displayName()))
        .append(".</p>");
  }

  private static void appendCrossings(StringBuilder html, List<MemoryReport> reports) {
    if (reports.stream().allMatch(r -> r.crossings().isEmpty())) {
      return;
    }
    html.append(
            "<section id=\"crossings\"><h2>JVM budget crossings</h2><table class=\"crossings\">")
        .append("<thead><tr><th>report</th><th class=\"n\">at (s)</th><th class=\"n\">sum</th>")
        .append("<th class=\"n\">budget</th><th>tests running</th><th>shares</th></tr></thead>")
        .append("<tbody>");
    for (MemoryReport report : reports) {
      for (BudgetCrossing c : report.crossings()) {
        html.append("<tr class=\"crossing\" data-total-bytes=\"")
            .append(c.totalBytes())
            .append("\" data-budget-bytes=\"")
            .append(c.budgetBytes())
            .append("\"><td>")
            .append(escape(report.source()))
            .append("</td><td class=\"n\">")
            .append(String.format(Locale.ROOT, "%.3f", c.atMillis() / 1000.0))
            .append("</td><td class=\"n\">")
            .append(Megabytes.of(c.totalBytes()))
            .append("</td><td class=\"n\">")
            .append(Megabytes.of(c.budgetBytes()))
            .append("</td><td><ul class=\"components\">");
        c.testIds().forEach(id -> html.append("<li>").append(escape(id)).append("</li>"));
        html.append("</ul></td><td><ul class=\"components\">");
        for (BudgetCrossing.Share share : c.shares()) {
          html.append("<li data-bytes=\"")
              .append(share.bytes())
              .append("\">")
              .append(escape(share.name()))
              .append(": ")
              .append(Megabytes.of(share.bytes()))
              .append("</li>");
        }
        html.append("</ul></td></tr>");
      }
    }
    html.append("</tbody></table></section>");
  }
}

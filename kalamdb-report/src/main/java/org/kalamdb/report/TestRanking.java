package org.kalamdb.report;

import static org.kalamdb.report.chart.MarkupText.escape;

import java.util.List;

/** The table of every test, largest peak first, with status, class, peak and budget. */
final class TestRanking {
  private TestRanking() {}

  static void append(StringBuilder html, List<RankedTest> ranked, boolean showSource) {
    html.append("<table class=\"ranking\"><thead><tr><th>#</th><th>test</th><th>class</th>")
        .append("<th>status</th><th class=\"n\">peak MB</th><th class=\"n\">peak bytes</th>")
        .append("<th class=\"n\">budget MB</th>")
        .append(showSource ? "<th>report</th>" : "")
        .append("</tr></thead><tbody>");
    int rank = 0;
    for (RankedTest r : ranked) {
      rank++;
      TestRecord test = r.test();
      StoreRecord peak = r.peakStore();
      Long budget = peak == null ? null : peak.budgetBytes();
      html.append("<tr class=\"test status-")
          .append(escape(test.status()))
          .append(r.overBudget() ? " over" : "")
          .append("\" data-rank=\"")
          .append(rank)
          .append("\" data-unique-id=\"")
          .append(escape(test.uniqueId()))
          .append("\" data-status=\"")
          .append(escape(test.status()))
          .append("\" data-peak-bytes=\"")
          .append(test.peakBytes())
          .append('"');
      if (budget != null) {
        html.append(" data-budget-bytes=\"").append(budget).append('"');
      }
      html.append("><td class=\"n\">")
          .append(rank)
          .append("</td><td><a href=\"#")
          .append(r.anchor())
          .append("\">")
          .append(escape(test.displayName()))
          .append("</a>")
          .append(r.overBudget() ? " <span class=\"flag\">over budget</span>" : "")
          .append("</td><td class=\"class\">")
          .append(escape(test.className()))
          .append("</td><td class=\"status\">")
          .append(escape(test.status()))
          .append("</td><td class=\"n\">")
          .append(Megabytes.number(test.peakBytes()))
          .append("</td><td class=\"n bytes\">")
          .append(test.peakBytes())
          .append("</td><td class=\"n\">")
          .append(budget == null ? "none" : Megabytes.number(budget))
          .append("</td>");
      if (showSource) {
        html.append("<td>").append(escape(r.source())).append("</td>");
      }
      html.append("</tr>");
    }
    html.append("</tbody></table>");
  }
}

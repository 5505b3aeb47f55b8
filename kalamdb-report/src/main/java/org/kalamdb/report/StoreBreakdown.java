package org.kalamdb.report;

import static org.kalamdb.report.chart.MarkupText.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each test's stores at their peak: one stacked bar per store and the exact numbers beside it. The
 * bar is the store's own: its components, in their order, against its budget (the full bar, with a
 * red mark, or the peak where that is higher) and the peak's share of the budget beside it. The
 * components are named in the words of the budget failure message ({@link MemoryComponent}).
 */
final class StoreBreakdown {
  private static final String[] COLOURS = {
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#7f7f7f", "#000000"
  };
  private static final int BAR_WIDTH = 300;
  private static final int BAR_HEIGHT = 18;
  // Room right of the bar for the share of the budget, e.g. "150% of budget".
  private static final int SHARE_WIDTH = 100;

  private final List<String> components = new ArrayList<>();

  private StoreBreakdown(List<RankedTest> ranked) {
    for (RankedTest r : ranked) {
      for (StoreRecord store : r.test().stores()) {
        store.components().keySet().stream()
            .filter(name -> !components.contains(name))
            .forEach(components::add);
      }
    }
  }

  static void append(StringBuilder html, List<RankedTest> ranked) {
    new StoreBreakdown(ranked).appendTo(html, ranked);
  }

  private void appendTo(StringBuilder html, List<RankedTest> ranked) {
    html.append("<ul class=\"legend\">");
    for (String name : components) {
      html.append("<li><span class=\"swatch\" style=\"background:")
          .append(colour(name))
          .append("\"></span>")
          .append(escape(MemoryComponent.words(name)))
          .append("</li>");
    }
    html.append("</ul>");
    for (RankedTest r : ranked) {
      TestRecord test = r.test();
      html.append("<section class=\"test-stores\" id=\"")
          .append(r.anchor())
          .append("\" data-unique-id=\"")
          .append(escape(test.uniqueId()))
          .append("\"><h3>")
          .append(escape(test.displayName()))
          .append(" <small>")
          .append(escape(test.className()))
          .append(", ")
          .append(escape(test.status()))
          .append("</small></h3>");
      if (test.failure() != null) {
        html.append("<p class=\"failure\">").append(escape(test.failure())).append("</p>");
      }
      if (test.stores().isEmpty()) {
        html.append("<p class=\"empty\">No store.</p></section>");
        continue;
      }
      html.append("<table class=\"stores\"><thead><tr><th>store</th><th>kind</th>")
          .append("<th>storage</th><th class=\"n\">peak</th><th class=\"n\">budget</th>")
          .append("<th>breakdown</th><th>components</th></tr></thead><tbody>");
      for (StoreRecord store : test.stores()) {
        appendStore(html, store);
      }
      html.append("</tbody></table></section>");
    }
  }

  private void appendStore(StringBuilder html, StoreRecord store) {
    html.append("<tr class=\"store")
        .append(store.overBudget() ? " over" : "")
        .append("\" data-store=\"")
        .append(escape(store.name()))
        .append("\" data-peak-bytes=\"")
        .append(store.peakBytes())
        .append('"');
    if (store.budgetBytes() != null) {
      html.append(" data-budget-bytes=\"").append(store.budgetBytes()).append('"');
    }
    html.append("><td>")
        .append(escape(store.name()))
        .append(store.overBudget() ? " <span class=\"flag\">over budget</span>" : "")
        .append("</td><td>")
        .append(escape(store.kind()))
        .append("</td><td>")
        .append(escape(store.storage()))
        .append("</td><td class=\"n\">")
        .append(Megabytes.of(store.peakBytes()))
        .append("<br/><span class=\"bytes\">")
        .append(store.peakBytes())
        .append(" B</span></td><td class=\"n\">");
    if (store.budgetBytes() == null) {
      html.append("none");
    } else {
      html.append(Megabytes.of(store.budgetBytes()))
          .append("<br/><span class=\"source\">")
          .append(escape(store.budgetSource()))
          .append("</span>");
    }
    html.append("</td><td>");
    appendBar(html, store);
    html.append("</td><td><ul class=\"components\">");
    for (Map.Entry<String, Long> part : store.components().entrySet()) {
      long bytes = part.getValue() == null ? 0 : part.getValue();
      html.append("<li data-component=\"")
          .append(escape(part.getKey()))
          .append("\" data-bytes=\"")
          .append(bytes)
          .append("\"><span class=\"swatch\" style=\"background:")
          .append(colour(part.getKey()))
          .append("\"></span>")
          .append(escape(MemoryComponent.words(part.getKey())))
          .append(' ')
          .append(Megabytes.of(bytes));
      if (!Megabytes.exact(bytes)) {
        html.append(" <span class=\"bytes\">(").append(bytes).append(" B)</span>");
      }
      html.append("</li>");
    }
    html.append("</ul></td></tr>");
  }

  private void appendBar(StringBuilder html, StoreRecord store) {
    Long budget = store.budgetBytes();
    // The full bar is the budget, or the peak where it went over: the budget mark stays on it.
    long full =
        Math.max(1, Math.max(Math.max(store.peakBytes(), sum(store)), budget == null ? 0 : budget));
    html.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"breakdown\" width=\"%d\""
                + " height=\"%d\" viewBox=\"0 0 %d %d\"><title>%s</title><rect class=\"track\""
                + " x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#f3f3f3\"/>",
            BAR_WIDTH + SHARE_WIDTH,
            BAR_HEIGHT,
            BAR_WIDTH + SHARE_WIDTH,
            BAR_HEIGHT,
            escape(
                "peak "
                    + Megabytes.of(store.peakBytes())
                    + (budget == null ? "" : " of a budget of " + Megabytes.of(budget))
                    + ": "
                    + shareText(store)),
            BAR_WIDTH,
            BAR_HEIGHT));
    double x = 0;
    for (Map.Entry<String, Long> part : store.components().entrySet()) {
      long bytes = part.getValue() == null ? 0 : part.getValue();
      double w = (double) bytes / full * BAR_WIDTH;
      html.append(
              String.format(
                  Locale.ROOT,
                  "<rect class=\"component\" data-component=\"%s\" data-bytes=\"%d\" x=\"%.2f\""
                      + " y=\"0\" width=\"%.2f\" height=\"%d\" fill=\"%s\"><title>",
                  escape(part.getKey()),
                  bytes,
                  x,
                  w,
                  BAR_HEIGHT,
                  colour(part.getKey())))
          .append(escape(MemoryComponent.words(part.getKey())))
          .append(' ')
          .append(Megabytes.of(bytes))
          .append("</title></rect>");
      x += w;
    }
    if (budget != null) {
      // Inside the bar even at its very end, so the whole 2-pixel line shows.
      double bx = Math.max(1.0, Math.min((double) budget / full * BAR_WIDTH, BAR_WIDTH - 1.0));
      html.append(
          String.format(
              Locale.ROOT,
              "<line class=\"budget\" data-bytes=\"%d\" x1=\"%.2f\" y1=\"0\" x2=\"%.2f\""
                  + " y2=\"%d\" stroke=\"#c00000\" stroke-width=\"2\"><title>budget %s</title>"
                  + "</line>",
              budget,
              bx,
              bx,
              BAR_HEIGHT,
              Megabytes.of(budget)));
    }
    html.append(
            String.format(
                Locale.ROOT,
                "<text class=\"percent\" x=\"%d\" y=\"%d\" font-family=\"sans-serif\""
                    + " font-size=\"12\" fill=\"%s\">",
                BAR_WIDTH + 6,
                BAR_HEIGHT - 5,
                store.overBudget() ? "#a00000" : budget == null ? "#666666" : "#333333"))
        .append(escape(shareText(store)))
        .append("</text></svg>");
  }

  /**
   * The peak's share of the budget, e.g. {@code 0.3% of budget}: whole percents from 10 %, one
   * decimal below, and never 0 for a peak above 0 ({@code <0.1% of budget}).
   */
  private static String shareText(StoreRecord store) {
    Long budget = store.budgetBytes();
    if (budget == null) {
      return "no budget";
    }
    if (budget <= 0) {
      return "budget " + Megabytes.of(budget);
    }
    double percent = 100.0 * store.peakBytes() / budget;
    if (store.peakBytes() <= 0) {
      return "0% of budget";
    }
    if (percent < 0.05) {
      return "<0.1% of budget";
    }
    return String.format(Locale.ROOT, percent < 9.95 ? "%.1f%%" : "%.0f%%", percent) + " of budget";
  }

  private String colour(String component) {
    return COLOURS[components.indexOf(component) % COLOURS.length];
  }

  private static long sum(StoreRecord store) {
    return store.components().values().stream().mapToLong(v -> v == null ? 0 : v).sum();
  }
}

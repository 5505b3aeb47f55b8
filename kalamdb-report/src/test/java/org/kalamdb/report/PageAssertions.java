package org.kalamdb.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Compares a page's DOM (as rendered, or as a browser built it) with the reports it was made from:
 * every number the page claims is checked against the JSON model.
 */
final class PageAssertions {
  private PageAssertions() {}

  /** Text as the page shows it: a control character written out, as MarkupText does. */
  static String shown(String text) {
    StringBuilder out = new StringBuilder();
    text.chars()
        .forEach(
            c -> {
              boolean control =
                  (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
              out.append(control ? String.format("\\u%04X", c) : String.valueOf((char) c));
            });
    return out.toString();
  }

  static void matchesReports(Document page, List<MemoryReport> reports) {
    List<TestRecord> expected = new ArrayList<>();
    reports.forEach(r -> expected.addAll(r.tests()));
    expected.sort(Comparator.comparingLong(TestRecord::peakBytes).reversed());

    Elements rows = page.select("table.ranking tbody tr.test");
    assertThat(rows.eachAttr("data-unique-id"))
        .as("ranking order")
        .containsExactlyElementsOf(expected.stream().map(t -> shown(t.uniqueId())).toList());
    assertThat(rows.eachAttr("data-peak-bytes"))
        .containsExactlyElementsOf(expected.stream().map(t -> "" + t.peakBytes()).toList());
    for (int i = 0; i < rows.size(); i++) {
      Element row = rows.get(i);
      TestRecord test = expected.get(i);
      assertThat(row.attr("data-rank")).isEqualTo(String.valueOf(i + 1));
      assertThat(row.selectFirst("a").text()).isEqualTo(shown(test.displayName()).strip());
      assertThat(row.selectFirst("td.class").text()).isEqualTo(test.className());
      assertThat(row.selectFirst("td.status").text()).isEqualTo(test.status());
      assertThat(row.selectFirst("td.bytes").text()).isEqualTo(String.valueOf(test.peakBytes()));
      // The link leads to the test's own breakdown.
      Element section = page.getElementById(row.selectFirst("a").attr("href").substring(1));
      assertThat(section).isNotNull();
      assertThat(section.attr("data-unique-id")).isEqualTo(shown(test.uniqueId()));
      assertStores(section, test);
    }

    Elements figures = page.select("figure.timeline");
    assertThat(figures).hasSize(reports.size());
    for (int i = 0; i < reports.size(); i++) {
      assertTimeline(figures.get(i), reports.get(i));
    }
  }

  private static void assertStores(Element section, TestRecord test) {
    Elements stores = section.select("tr.store");
    assertThat(stores.eachAttr("data-store"))
        .containsExactlyElementsOf(test.stores().stream().map(st -> shown(st.name())).toList());
    for (int s = 0; s < stores.size(); s++) {
      Element row = stores.get(s);
      StoreRecord store = test.stores().get(s);
      assertThat(row.attr("data-peak-bytes")).isEqualTo(String.valueOf(store.peakBytes()));
      assertThat(row.attr("data-budget-bytes"))
          .isEqualTo(store.budgetBytes() == null ? "" : String.valueOf(store.budgetBytes()));
      List<String> parts = new ArrayList<>();
      List<String> bars = new ArrayList<>();
      for (Map.Entry<String, Long> part : store.components().entrySet()) {
        parts.add(part.getKey() + "=" + part.getValue());
      }
      row.select("ul.components li")
          .forEach(li -> bars.add(li.attr("data-component") + "=" + li.attr("data-bytes")));
      assertThat(bars).as("component list").containsExactlyElementsOf(parts);
      List<String> rects = new ArrayList<>();
      row.select("svg.breakdown rect.component")
          .forEach(r -> rects.add(r.attr("data-component") + "=" + r.attr("data-bytes")));
      assertThat(rects).as("stacked bar").containsExactlyElementsOf(parts);
      // The bar is drawn against the store's own budget: a mark and the share of it.
      Elements mark = row.select("svg.breakdown line.budget");
      String percent = row.select("svg.breakdown text.percent").text();
      if (store.budgetBytes() == null) {
        assertThat(mark).isEmpty();
        assertThat(percent).isEqualTo("no budget");
      } else {
        assertThat(mark.eachAttr("data-bytes")).containsExactly("" + store.budgetBytes());
        assertThat(percent).endsWith("% of budget");
      }
    }
  }

  private static void assertTimeline(Element figure, MemoryReport report) {
    assertThat(figure.attr("data-source")).isEqualTo(report.source());
    if (report.allocator() == null) {
      assertThat(figure.hasAttr("data-allocator")).isFalse();
      assertThat(figure.select("figcaption").text()).doesNotContain("allocator");
    } else {
      assertThat(figure.attr("data-allocator")).isEqualTo(report.allocator());
      assertThat(figure.select("figcaption").text()).endsWith(", allocator " + report.allocator());
    }
    long highest = report.timeline().stream().mapToLong(TimelinePoint::totalBytes).max().orElse(0);
    assertThat(figure.attr("data-peak-bytes")).isEqualTo(String.valueOf(highest));
    Element series = figure.selectFirst("g.series");
    assertThat(series).isNotNull();
    assertThat(series.attr("data-points")).isEqualTo(String.valueOf(report.timeline().size()));
    assertThat(series.select("polyline").attr("points").split(" "))
        .hasSize(report.timeline().size());
    Elements dots = series.select("circle.point");
    assertThat(dots.eachAttr("data-x"))
        .containsExactlyElementsOf(report.timeline().stream().map(p -> "" + p.atMillis()).toList());
    assertThat(dots.eachAttr("data-y"))
        .containsExactlyElementsOf(
            report.timeline().stream().map(p -> "" + p.totalBytes()).toList());
    Elements budget = figure.select("g.reference");
    if (report.jvmBudgetBytes() == null) {
      assertThat(budget).isEmpty();
    } else {
      assertThat(budget.eachAttr("data-y")).containsExactly("" + report.jvmBudgetBytes());
      assertThat(budget.select("line")).hasSize(1);
    }
    assertThat(figure.select("rect.band")).hasSize(report.tests().size());
    // Each store budget crossed is drawn at its height, while its test ran.
    List<String> storeBudgets = new ArrayList<>();
    for (TestRecord test : report.tests()) {
      test.stores().stream()
          .filter(s -> s.overBudget() && s.budgetBytes() != null)
          .forEach(
              s ->
                  storeBudgets.add(
                      s.budgetBytes() + "@" + test.startMillis() + "-" + test.endMillis()));
    }
    List<String> drawn = new ArrayList<>();
    figure
        .select("g.segment")
        .forEach(
            g -> drawn.add(g.attr("data-y") + "@" + g.attr("data-from") + "-" + g.attr("data-to")));
    assertThat(drawn).as("store budgets on the timeline").containsExactlyElementsOf(storeBudgets);
    long over =
        report.tests().stream().filter(t -> RankedTest.wentOver(t, report.crossings())).count();
    assertThat(figure.select("rect.band.marked")).hasSize((int) over);
    assertThat(figure.select("g.marker").eachAttr("data-y"))
        .containsExactlyElementsOf(
            report.crossings().stream().map(c -> "" + c.totalBytes()).toList());
  }
}

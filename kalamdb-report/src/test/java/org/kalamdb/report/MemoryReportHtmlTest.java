package org.kalamdb.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.kalamdb.report.SampleReports.HOSTILE;
import static org.kalamdb.report.SampleReports.MB;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MemoryReportHtmlTest {

  private static Document parse(String html) {
    return Jsoup.parse(html);
  }

  /** Well-formed XML, or the parser's exception: a stray '<' or '&' from a test name fails it. */
  private static org.w3c.dom.Document asXml(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void onePageShowsEveryNumberOfTheReport() {
    MemoryReport report = SampleReports.forkOne();
    Document page = parse(MemoryReportHtml.render(List.of(report)));

    PageAssertions.matchesReports(page, List.of(report));
    assertThat(page.select("p.summary").attr("data-tests")).isEqualTo("3");
    assertThat(page.select("p.summary").attr("data-over")).isEqualTo("1");
    assertThat(page.select("p.summary").text())
        .contains("Largest peak: 9.1 MB, com.acme.UserRepoTest bulkLoad()");
    // Budget MB of the test whose peak store had 8 MB, and "none" without a budget.
    assertThat(page.select("tr.test[data-rank=1] td").get(6).text()).isEqualTo("8.0");
    assertThat(page.select("tr.test[data-rank=2] td").get(6).text()).isEqualTo("none");
    assertThat(page.select("tr.test[data-rank=1]").hasClass("over")).isTrue();
    assertThat(page.select("tr.test[data-rank=2]").hasClass("over")).isFalse();
    // A single report has no "report" column.
    assertThat(page.select("table.ranking th").eachText()).doesNotContain("report");
  }

  @Test
  void theCrossingNamesTheRunningTestAndEveryShare() {
    Document page = parse(MemoryReportHtml.render(List.of(SampleReports.forkOne())));

    assertThat(page.select("tr.crossing")).hasSize(1);
    assertThat(page.select("tr.crossing").attr("data-total-bytes"))
        .isEqualTo(String.valueOf(15 * MB + 123_457));
    assertThat(page.select("tr.crossing").text())
        .contains("15.1 MB", "12.0 MB", "[method:bulkLoad()]", "store (bulkLoad()): 9.1 MB");
    assertThat(page.select("tr.crossing li[data-bytes]").eachAttr("data-bytes"))
        .containsExactly(String.valueOf(9 * MB + 123_457), String.valueOf(3 * MB));
  }

  @Test
  void mergedReportsRankTestsAcrossForksAndDrawOneTimelineEach() {
    List<MemoryReport> reports = List.of(SampleReports.forkOne(), SampleReports.forkTwo());
    Document page = parse(MemoryReportHtml.render(reports));

    PageAssertions.matchesReports(page, reports);
    assertThat(page.select("table.ranking tr.test td:last-child").eachText())
        .containsExactly(
            "sample 101@ci-1",
            "sample 101@ci-1",
            "sample 102@ci-2",
            "sample 101@ci-1",
            "sample 102@ci-2");
    assertThat(page.select("p.summary").attr("data-reports")).isEqualTo("2");
    // The skipped test without stores is ranked last and says it had none.
    assertThat(page.select("section.test-stores").last().select("p.empty").text())
        .isEqualTo("No store.");
  }

  @Test
  void userTextIsEscapedAndThePageIsWellFormedXml() throws Exception {
    String html =
        MemoryReportHtml.render(List.of(SampleReports.forkOne(), SampleReports.forkTwo()));

    assertThat(html).doesNotContain("<script").doesNotContain("\u001b");
    assertThat(html)
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;");
    org.w3c.dom.Document xml = asXml(html);
    assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("html");
    // The name reads back as it was, the escape character written out.
    Document page = parse(html);
    assertThat(page.select("tr.test[data-rank=2] a").text())
        .isEqualTo(PageAssertions.shown(HOSTILE).strip());
    assertThat(page.select("tr.store[data-store=s&<>]")).hasSize(1);
    assertThat(page.select("script, link, img, iframe, object, embed")).isEmpty();
    // Nothing is loaded from anywhere: the only links are the page's own anchors.
    assertThat(page.select("[href]").eachAttr("href")).allMatch(href -> href.startsWith("#"));
    assertThat(page.select("[src]")).isEmpty();
  }

  @Test
  void theFailureMessageIsShownWithItsStoreOverBudget() {
    Document page = parse(MemoryReportHtml.render(List.of(SampleReports.forkOne())));

    var bulk = page.select("section.test-stores").first();
    assertThat(bulk.select("p.failure").text()).contains("store over its budget");
    assertThat(bulk.select("tr.store.over").attr("data-store")).isEqualTo("store");
    assertThat(
            bulk.select("tr.store[data-store=cache] li[data-component=inMemoryFiles]")
                .attr("data-bytes"))
        .isEqualTo(String.valueOf(5 * MB));
    // Each store is drawn against its own budget (8 MB): a mark on each bar.
    assertThat(bulk.select("svg.breakdown line.budget").eachAttr("data-bytes"))
        .containsExactly(String.valueOf(8 * MB), String.valueOf(8 * MB));
  }

  private static double attr(org.jsoup.nodes.Element element, String name) {
    return Double.parseDouble(element.attr(name));
  }

  /** Where a bar's components end, in pixels from its start. */
  private static double filled(org.jsoup.nodes.Element bar) {
    return bar.select("rect.component").stream()
        .mapToDouble(r -> attr(r, "x") + attr(r, "width"))
        .max()
        .orElse(0);
  }

  @Test
  void eachStoreIsDrawnAgainstItsOwnBudgetWithItsShareOfIt() {
    Document page = parse(MemoryReportHtml.render(List.of(SampleReports.budgets())));

    var small = page.selectFirst("tr.store[data-store=small] svg.breakdown");
    var big = page.selectFirst("tr.store[data-store=big] svg.breakdown");
    var over = page.selectFirst("tr.store[data-store=over] svg.breakdown");
    // The first rect is the bar's track: its full length.
    double width = attr(small.selectFirst("rect"), "width");

    // 0.3 MB of 96 MB: a sliver of the bar, the budget at its end, 0.3% of it.
    assertThat(filled(small)).isCloseTo(width * 309_248 / (96.0 * MB), within(0.01));
    assertThat(small.select("line.budget")).hasSize(1);
    assertThat(attr(small.selectFirst("line.budget"), "x1")).isCloseTo(width - 1, within(0.01));
    assertThat(small.select("text.percent").text()).isEqualTo("0.3% of budget");
    // 12 MB over a budget of 8 MB: the bar runs past the budget mark, at two thirds of it.
    assertThat(filled(over)).isCloseTo(width, within(0.01));
    assertThat(attr(over.selectFirst("line.budget"), "x1")).isCloseTo(width * 8 / 12, within(0.01));
    assertThat(over.select("text.percent").text()).isEqualTo("150% of budget");
    // Without a budget nothing to measure against: no mark, and it says so.
    assertThat(big.select("line.budget")).isEmpty();
    assertThat(big.select("text.percent").text()).isEqualTo("no budget");
    assertThat(filled(big)).isCloseTo(width, within(0.01));
  }

  @Test
  void aTinyShareIsNeverZeroAndAZeroBudgetIsNamed() {
    TestRecord test =
        SampleReports.test(
            "com.acme.T",
            "t()",
            "failed",
            0,
            10,
            SampleReports.store("tiny", "disk", 96 * MB, false, 2048),
            SampleReports.store("none", "disk", 0L, true, 2048),
            SampleReports.store("empty", "disk", 8 * MB, false, 0));
    MemoryReport report =
        new MemoryReport(
            MemoryReport.FORMAT, "t 1@h", 0, 10, null, List.of(test), List.of(), List.of());

    Document page = parse(MemoryReportHtml.render(List.of(report)));

    assertThat(page.select("svg.breakdown text.percent").eachText())
        .containsExactly("<0.1% of budget", "budget 0 B", "0% of budget");
    assertThat(page.select("tr.store[data-store=none] line.budget").attr("x1")).isEqualTo("1.00");
  }

  @Test
  void theTimelineMarksEachStoreBudgetThatWasCrossedWhileItsTestRan() {
    Document page = parse(MemoryReportHtml.render(List.of(SampleReports.budgets())));

    var segments = page.select("figure.timeline g.segment");
    // Only the store that went over its budget; the JVM budget line is not there (none was set).
    assertThat(segments).hasSize(1);
    assertThat(segments.attr("data-y")).isEqualTo(String.valueOf(8 * MB));
    assertThat(segments.attr("data-from")).isEqualTo("200");
    assertThat(segments.attr("data-to")).isEqualTo("300");
    assertThat(segments.select("line")).hasSize(1);
    assertThat(segments.text()).contains("'over'", "budget 8.0 MB", "peak 12.0 MB");
    assertThat(page.select("figure.timeline g.reference")).isEmpty();
  }

  @Test
  void theSummarySaysNothingOfAJvmBudgetThatWasNotSet() {
    String without =
        parse(MemoryReportHtml.render(List.of(SampleReports.budgets()))).select("p.summary").text();
    String with =
        parse(MemoryReportHtml.render(List.of(SampleReports.forkOne(), SampleReports.forkTwo())))
            .select("p.summary")
            .text();

    assertThat(without)
        .isEqualTo(
            "3 tests from one report; 1 went over a budget. Largest peak: 90.0 MB,"
                + " com.acme.BudgetTest big().");
    assertThat(with).contains("the JVM-wide sum crossed its budget 1 time.");
  }

  @Test
  void componentsAreNamedInTheWordsOfTheFailureMessages() {
    Document page = parse(MemoryReportHtml.render(List.of(SampleReports.forkOne())));

    assertThat(page.select("ul.legend li").eachText())
        .containsExactly("memtables", "block cache", "table readers", "in-memory files");
    var cache = page.selectFirst("tr.store[data-store=cache]");
    assertThat(cache.select("ul.components li").eachText())
        .containsExactly(
            "memtables 3.0 MB (3145728 B)",
            "block cache 0 B",
            "table readers 0 B",
            "in-memory files 5.0 MB (5242880 B)");
    // The data keeps the report's keys.
    assertThat(cache.select("ul.components li").eachAttr("data-component"))
        .containsExactly("memtables", "blockCache", "tableReaders", "inMemoryFiles");
    assertThat(cache.select("rect.component title").eachText())
        .containsExactly(
            "memtables 3.0 MB", "block cache 0 B", "table readers 0 B", "in-memory files 5.0 MB");
  }

  @Test
  void smallFiguresAreShownInAUnitThatShowsThem() {
    Document page = parse(MemoryReportHtml.render(List.of(SampleReports.budgets())));

    var small = page.selectFirst("tr.store[data-store=small]");
    assertThat(small.select("ul.components li").eachText())
        .containsExactly(
            "memtables 2.0 KB (2048 B)", "block cache 0.3 MB (307200 B)", "table readers 0 B");
    assertThat(small.select("td.n").first().text()).isEqualTo("0.3 MB 309248 B");
    assertThat(small.select("svg.breakdown title").first().text())
        .isEqualTo("peak 0.3 MB of a budget of 96.0 MB: 0.3% of budget");
    assertThat(small.select("rect.component title").eachText())
        .containsExactly("memtables 2.0 KB", "block cache 0.3 MB", "table readers 0 B");
  }

  @Test
  void noReportAndReportsWithoutTestsSaySo() throws Exception {
    MemoryReport empty =
        new MemoryReport(
            MemoryReport.FORMAT, "idle 1@h", 0, 10, null, List.of(), List.of(), List.of());

    Document none = parse(MemoryReportHtml.render(List.of()));
    Document idle = parse(MemoryReportHtml.render(List.of(empty)));

    assertThat(none.select("p.summary").text()).isEqualTo("No memory report was given.");
    assertThat(none.select("table, svg")).isEmpty();
    assertThat(idle.select("p.summary").text())
        .isEqualTo("One report: no test used a store or a watched database.");
    assertThat(idle.select("figure.timeline p.empty").text())
        .isEqualTo("No test of this run used a store.");
    assertThat(idle.select("table.ranking")).isEmpty();
    asXml(MemoryReportHtml.render(List.of(empty)));
  }

  @Test
  void aLongTimelineIsThinnedButKeepsItsPeak() {
    List<TimelinePoint> timeline = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      timeline.add(new TimelinePoint(i, i == 7_777 ? 99 * MB : (i % 10) * MB));
    }
    MemoryReport report =
        new MemoryReport(
            MemoryReport.FORMAT, "long 1@h", 0, 10_000, null, List.of(), timeline, List.of());

    Document page = parse(MemoryReportHtml.render(List.of(report)));

    var series = page.selectFirst("g.series");
    int drawn = Integer.parseInt(series.attr("data-points"));
    assertThat(drawn).isLessThanOrEqualTo(2 * TimelineSamples.BUCKETS).isGreaterThan(1000);
    assertThat(series.attr("points")).isEmpty();
    assertThat(series.select("polyline").attr("points").split(" ")).hasSize(drawn);
    assertThat(page.selectFirst("figure.timeline").attr("data-samples")).isEqualTo("10000");
    assertThat(page.selectFirst("figure.timeline").attr("data-peak-bytes"))
        .isEqualTo(String.valueOf(99 * MB));
    assertThat(TimelineSamples.forDrawing(timeline)).contains(timeline.get(7_777));
    // Too many for a dot each: the line alone.
    assertThat(series.select("circle")).isEmpty();
  }
}

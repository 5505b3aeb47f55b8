package org.kalamdb.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgChartTest {

  private static Document xml(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> byClass(Document doc, String tag, String cssClass) {
    NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      if (List.of(e.getAttribute("class").split(" ")).contains(cssClass)) {
        found.add(e);
      }
    }
    return found;
  }

  @Test
  void seriesLinesBandsAndMarkersCarryTheirData() throws Exception {
    SvgChart chart =
        new SvgChart(
                "memory & <CFs>",
                600,
                300,
                new ChartAxis("column families", 1),
                new ChartAxis("MB", 1024 * 1024))
            .add(
                new ChartSeries(
                    "seed",
                    List.of(new ChartPoint(6, 3_000_000), new ChartPoint(57, 40_000_000)),
                    false))
            .add(new ChartSeries("seed RSS", List.of(new ChartPoint(6, 5_000_000)), true))
            .add(new ChartLine("budget", 32 * 1024 * 1024))
            .add(new ChartBand("a test", 10, 20, true))
            .add(new ChartMarker("crossed", 15, 33_554_433));

    Document doc = xml(chart.svg());

    assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    List<Element> series = byClass(doc, "g", "series");
    assertThat(series)
        .extracting(e -> e.getAttribute("data-series"))
        .containsExactly("seed", "seed RSS");
    assertThat(series).extracting(e -> e.getAttribute("data-points")).containsExactly("2", "1");
    assertThat(byClass(doc, "circle", "point"))
        .extracting(e -> e.getAttribute("data-y"))
        .containsExactly("3000000", "40000000", "5000000");
    assertThat(byClass(doc, "g", "reference"))
        .extracting(e -> e.getAttribute("data-y"))
        .containsExactly("33554432");
    assertThat(byClass(doc, "rect", "marked")).hasSize(1);
    assertThat(byClass(doc, "g", "marker"))
        .extracting(e -> e.getAttribute("data-x"))
        .containsExactly("15");
    assertThat(byClass(doc, "text", "axis-title"))
        .extracting(Element::getTextContent)
        .containsExactly("column families", "MB");
    assertThat(byClass(doc, "text", "chart-title").get(0).getTextContent())
        .isEqualTo("memory & <CFs>");
    // The dashed series is drawn dashed.
    assertThat(
            ((Element) series.get(1).getElementsByTagNameNS("*", "polyline").item(0))
                .getAttribute("stroke-dasharray"))
        .isNotEmpty();
  }

  @Test
  void aSegmentIsALevelOverARangeOfX() throws Exception {
    SvgChart chart =
        new SvgChart("t", 600, 300, new ChartAxis("x", 1), new ChartAxis("MB", 1024 * 1024))
            .add(new ChartSeries("s", List.of(new ChartPoint(0, 0), new ChartPoint(100, 0)), false))
            .add(new ChartSegment("store 'a' budget 8.0 MB", 20, 60, 8 * 1048576.0));

    Document doc = xml(chart.svg());

    List<Element> segments = byClass(doc, "g", "segment");
    assertThat(segments).hasSize(1);
    Element segment = segments.get(0);
    assertThat(segment.getAttribute("data-from")).isEqualTo("20");
    assertThat(segment.getAttribute("data-to")).isEqualTo("60");
    assertThat(segment.getAttribute("data-y")).isEqualTo("8388608");
    assertThat(segment.getTextContent()).contains("store 'a' budget 8.0 MB");
    // It spans 20..60 of 0..100, and the y axis reaches up to it.
    Element line = (Element) segment.getElementsByTagNameNS("*", "line").item(0);
    double x1 = Double.parseDouble(line.getAttribute("x1"));
    double x2 = Double.parseDouble(line.getAttribute("x2"));
    assertThat(x2 - x1).isGreaterThan(0);
    assertThat(byClass(doc, "text", "tick").stream().map(Element::getTextContent)).contains("8");
    assertThat(byClass(doc, "g", "reference")).isEmpty();
  }

  @Test
  void ticksAreRoundAndCoverEveryValue() throws Exception {
    SvgChart chart =
        new SvgChart("t", 600, 300, new ChartAxis("x", 1), new ChartAxis("MB", 1024 * 1024))
            .add(
                new ChartSeries(
                    "s",
                    List.of(new ChartPoint(6, 0), new ChartPoint(200, 70 * 1048576.0)),
                    false));

    Document doc = xml(chart.svg());

    List<String> ticks =
        byClass(doc, "text", "tick").stream().map(Element::getTextContent).toList();
    // x: 0..200 in steps of 50; y: 0..80 MB (70 MB and 5% room) in steps of 20.
    assertThat(ticks).containsExactly("0", "50", "100", "150", "200", "0", "20", "40", "60", "80");
  }

  @Test
  void oneValueOrNoneStillGivesAnAxisAndTinySizesAreRefused() throws Exception {
    SvgChart empty = new SvgChart("none", 240, 160, new ChartAxis("x", 1), new ChartAxis("y", 1));
    SvgChart one =
        new SvgChart("one", 240, 160, new ChartAxis("x", 1), new ChartAxis("y", 1))
            .add(new ChartSeries("s", List.of(new ChartPoint(5, 5)), false));

    assertThat(byClass(xml(empty.svg()), "text", "tick")).isNotEmpty();
    assertThat(byClass(xml(one.svg()), "circle", "point")).hasSize(1);
    assertThatThrownBy(
            () -> new SvgChart("t", 100, 100, new ChartAxis("x", 1), new ChartAxis("y", 1)))
        .hasMessage("a chart needs at least 240 x 160 pixels, got 100 x 100");
    assertThatThrownBy(() -> new ChartAxis("x", 0)).hasMessageContaining("positive");
  }

  @Test
  void markupTextEscapesMarkupAndShowsControlCharacters() {
    assertThat(MarkupText.escape("a<b>&\"c\"'d'"))
        .isEqualTo("a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;");
    assertThat(MarkupText.escape("x\u0000y\u001b\u007f\u0085z"))
        .isEqualTo("x\\u0000y\\u001B\\u007F\\u0085z");
    assertThat(MarkupText.escape("tab\tline\nok")).isEqualTo("tab\tline\nok");
    assertThat(MarkupText.escape("lone \ud800 pair \ud83d\ude00"))
        .isEqualTo("lone \\uD800 pair \ud83d\ude00");
    assertThat(MarkupText.escape(null)).isEmpty();
  }
}

package org.kalamdb.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as one self-contained SVG element: axes with round ticks and titles, lines through
 * data points, horizontal reference lines (budgets) across the plot or over a range of x (one
 * store's budget while its test ran), vertical bands (test boundaries) and markers (budget
 * crossings). Every colour and line style is a presentation attribute, so the SVG looks the same as
 * a file of its own and inside a page; no script, no external resource.
 *
 * <p>The data stays in the markup, so that a test or a script can check it: each series is a {@code
 * <g class="series" data-series="NAME" data-points="N">} with one {@code <polyline>} and, for up to
 * {@link #MAX_DOTS} points, one {@code <circle class="point" data-x=".." data-y="..">} per point;
 * reference lines carry {@code data-y}, segments ({@code <g class="segment">}) {@code data-y} and
 * {@code data-from}/{@code data-to}, bands {@code data-from}/{@code data-to}, markers {@code
 * data-x}/{@code data-y}, all in data units.
 */
public final class SvgChart {
  /** Series with more points than this are drawn as a line only, without a dot per point. */
  public static final int MAX_DOTS = 300;

  private static final String[] COLOURS = {
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#7f7f7f", "#000000"
  };
  private static final int LEFT = 72;
  private static final int RIGHT = 24;
  private static final int TITLE_SPACE = 44;
  private static final int LEGEND_ROW = 16;
  private static final int BOTTOM = 52;

  private final String title;
  private final int width;
  private final int height;
  private final ChartAxis xAxis;
  private final ChartAxis yAxis;
  private final List<ChartSeries> series = new ArrayList<>();
  private final List<ChartLine> lines = new ArrayList<>();
  private final List<ChartSegment> segments = new ArrayList<>();
  private final List<ChartBand> bands = new ArrayList<>();
  private final List<ChartMarker> markers = new ArrayList<>();
  private int top = TITLE_SPACE;

  /**
   * An empty chart.
   *
   * @param title the chart's title, drawn above it and given as its accessible name
   * @param width its width in pixels, at least 240
   * @param height its height in pixels, at least 160
   * @param xAxis the horizontal axis
   * @param yAxis the vertical axis; it starts at 0 unless a value is below
   */
  public SvgChart(String title, int width, int height, ChartAxis xAxis, ChartAxis yAxis) {
    if (width < 240 || height < 160) {
      throw new IllegalArgumentException(
          "a chart needs at least 240 x 160 pixels, got " + width + " x " + height);
    }
    this.title = title;
    this.width = width;
    this.height = height;
    this.xAxis = xAxis;
    this.yAxis = yAxis;
  }

  /** Adds a line through {@code data}'s points. */
  public SvgChart add(ChartSeries data) {
    series.add(data);
    return this;
  }

  /** Adds a horizontal reference line. */
  public SvgChart add(ChartLine line) {
    lines.add(line);
    return this;
  }

  /** Adds a reference line over a range of x. */
  public SvgChart add(ChartSegment segment) {
    segments.add(segment);
    return this;
  }

  /** Adds a vertical band. */
  public SvgChart add(ChartBand band) {
    bands.add(band);
    return this;
  }

  /** Adds a marker. */
  public SvgChart add(ChartMarker marker) {
    markers.add(marker);
    return this;
  }

  /** The chart as an {@code <svg>} element (with its namespace, so also valid as a file). */
  public String svg() {
    List<double[]> legend = legendPlaces();
    top = TITLE_SPACE + (legend.isEmpty() ? 0 : (int) legend.get(legend.size() - 1)[1] - 34);
    AxisScale x = xScale();
    AxisScale y = yScale();
    StringBuilder out = new StringBuilder(4096);
    out.append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"%d\""
                    + " height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\""
                    + " font-family=\"sans-serif\" font-size=\"12\">",
                width,
                height,
                width,
                height))
        .append("<title>")
        .append(MarkupText.escape(title))
        .append("</title>")
        .append(
            String.format(
                Locale.ROOT,
                "<rect class=\"background\" x=\"0\" y=\"0\" width=\"%d\" height=\"%d\""
                    + " fill=\"#ffffff\"/>",
                width,
                height));
    drawBands(out, x);
    drawAxes(out, x, y);
    drawLines(out, y);
    drawSegments(out, x, y);
    drawSeries(out, x, y);
    drawMarkers(out, x, y);
    drawLegend(out, legend);
    out.append(
        String.format(
            Locale.ROOT,
            "<text class=\"chart-title\" x=\"%d\" y=\"22\" font-size=\"15\""
                + " font-weight=\"bold\">%s</text>",
            LEFT,
            MarkupText.escape(title)));
    return out.append("</svg>").toString();
  }

  private AxisScale xScale() {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (ChartSeries s : series) {
      for (ChartPoint p : s.points()) {
        low = Math.min(low, p.x());
        high = Math.max(high, p.x());
      }
    }
    for (ChartBand b : bands) {
      low = Math.min(low, b.fromX());
      high = Math.max(high, b.toX());
    }
    for (ChartMarker m : markers) {
      low = Math.min(low, m.x());
      high = Math.max(high, m.x());
    }
    for (ChartSegment s : segments) {
      low = Math.min(low, s.fromX());
      high = Math.max(high, s.toX());
    }
    if (low > high) {
      low = 0;
      high = 0;
    }
    return AxisScale.covering(low, high, xAxis.unit(), LEFT, width - RIGHT);
  }

  private AxisScale yScale() {
    double low = 0;
    double high = 0;
    for (ChartSeries s : series) {
      for (ChartPoint p : s.points()) {
        low = Math.min(low, p.y());
        high = Math.max(high, p.y());
      }
    }
    for (ChartLine l : lines) {
      low = Math.min(low, l.y());
      high = Math.max(high, l.y());
    }
    for (ChartMarker m : markers) {
      high = Math.max(high, m.y());
    }
    for (ChartSegment s : segments) {
      low = Math.min(low, s.y());
      high = Math.max(high, s.y());
    }
    // Room above the highest value, so that a line at the top stays visible.
    return AxisScale.covering(low, high * 1.05, yAxis.unit(), height - BOTTOM, top);
  }

  private void drawBands(StringBuilder out, AxisScale x) {
    int index = 0;
    for (ChartBand b : bands) {
      double from = x.pixel(b.fromX());
      double to = Math.max(x.pixel(b.toX()), from + 1);
      String fill = b.marked() ? "#f4b6b6" : index++ % 2 == 0 ? "#eef2f7" : "#e3e9f1";
      out.append(
              String.format(
                  Locale.ROOT,
                  "<rect class=\"band%s\" data-from=\"%s\" data-to=\"%s\" x=\"%.1f\" y=\"%d\""
                      + " width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>",
                  b.marked() ? " marked" : "",
                  number(b.fromX()),
                  number(b.toX()),
                  from,
                  top,
                  to - from,
                  height - top - BOTTOM,
                  fill))
          .append(MarkupText.escape(b.label()))
          .append("</title></rect>");
    }
  }

  private void drawAxes(StringBuilder out, AxisScale x, AxisScale y) {
    int bottom = height - BOTTOM;
    out.append("<g class=\"axis x-axis\" stroke=\"#555555\">");
    for (double tick : x.ticks()) {
      double px = x.pixel(tick);
      out.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                  + "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\""
                  + " stroke=\"none\" fill=\"#333333\">%s</text>",
              px,
              bottom,
              px,
              bottom + 5,
              px,
              bottom + 18,
              x.label(tick)));
    }
    out.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                LEFT,
                bottom,
                width - RIGHT,
                bottom))
        .append(
            String.format(
                Locale.ROOT,
                "<text class=\"axis-title\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\""
                    + " stroke=\"none\" fill=\"#333333\">%s</text>",
                (LEFT + width - RIGHT) / 2.0,
                height - 12,
                MarkupText.escape(xAxis.title())))
        .append("</g><g class=\"axis y-axis\" stroke=\"#555555\">");
    for (double tick : y.ticks()) {
      double py = y.pixel(tick);
      out.append(
          String.format(
              Locale.ROOT,
              "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dddddd\"/>"
                  + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\" stroke=\"none\""
                  + " fill=\"#333333\">%s</text>",
              LEFT,
              py,
              width - RIGHT,
              py,
              LEFT - 6,
              py + 4,
              y.label(tick)));
    }
    out.append(
            String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                LEFT,
                top,
                LEFT,
                bottom))
        .append(
            String.format(
                Locale.ROOT,
                "<text class=\"axis-title\" x=\"16\" y=\"%.1f\" text-anchor=\"middle\""
                    + " stroke=\"none\" fill=\"#333333\" transform=\"rotate(-90 16 %.1f)\">%s</text>",
                (top + bottom) / 2.0,
                (top + bottom) / 2.0,
                MarkupText.escape(yAxis.title())))
        .append("</g>");
  }

  private void drawLines(StringBuilder out, AxisScale y) {
    for (ChartLine l : lines) {
      double py = y.pixel(l.y());
      out.append(
              String.format(
                  Locale.ROOT,
                  "<g class=\"reference\" data-y=\"%s\"><line x1=\"%d\" y1=\"%.1f\" x2=\"%d\""
                      + " y2=\"%.1f\" stroke=\"#c00000\" stroke-width=\"1.5\""
                      + " stroke-dasharray=\"6 3\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\""
                      + " fill=\"#c00000\">",
                  number(l.y()),
                  LEFT,
                  py,
                  width - RIGHT,
                  py,
                  width - RIGHT - 4,
                  py - 4))
          .append(MarkupText.escape(l.label()))
          .append("</text></g>");
    }
  }

  private void drawSegments(StringBuilder out, AxisScale x, AxisScale y) {
    for (ChartSegment s : segments) {
      double from = x.pixel(s.fromX());
      double to = Math.max(x.pixel(s.toX()), from + 1);
      double py = y.pixel(s.y());
      // Solid, unlike the dashed line across the plot, with the label above its start.
      out.append(
              String.format(
                  Locale.ROOT,
                  "<g class=\"segment\" data-y=\"%s\" data-from=\"%s\" data-to=\"%s\"><line"
                      + " x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#c00000\""
                      + " stroke-width=\"2\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"11\""
                      + " fill=\"#c00000\">",
                  number(s.y()),
                  number(s.fromX()),
                  number(s.toX()),
                  from,
                  py,
                  to,
                  py,
                  from + 2,
                  py - 4))
          .append(MarkupText.escape(s.label()))
          .append("</text><title>")
          .append(MarkupText.escape(s.label()))
          .append("</title></g>");
    }
  }

  private void drawSeries(StringBuilder out, AxisScale x, AxisScale y) {
    for (int i = 0; i < series.size(); i++) {
      ChartSeries s = series.get(i);
      String colour = colour(i);
      out.append("<g class=\"series\" data-series=\"")
          .append(MarkupText.escape(s.name()))
          .append("\" data-points=\"")
          .append(s.points().size())
          .append("\"><polyline fill=\"none\" stroke=\"")
          .append(colour)
          .append("\" stroke-width=\"2\"")
          .append(s.dashed() ? " stroke-dasharray=\"5 4\"" : "")
          .append(" points=\"");
      for (int p = 0; p < s.points().size(); p++) {
        ChartPoint point = s.points().get(p);
        out.append(p == 0 ? "" : " ")
            .append(
                String.format(Locale.ROOT, "%.1f,%.1f", x.pixel(point.x()), y.pixel(point.y())));
      }
      out.append("\"/>");
      if (s.points().size() <= MAX_DOTS) {
        for (ChartPoint point : s.points()) {
          out.append(
              String.format(
                  Locale.ROOT,
                  "<circle class=\"point\" data-x=\"%s\" data-y=\"%s\" cx=\"%.1f\" cy=\"%.1f\""
                      + " r=\"3\" fill=\"%s\">",
                  number(point.x()),
                  number(point.y()),
                  x.pixel(point.x()),
                  y.pixel(point.y()),
                  s.dashed() ? "#ffffff" : colour));
          if (s.dashed()) {
            out.setLength(out.length() - 1);
            out.append(" stroke=\"").append(colour).append("\">");
          }
          String note = point.note() == null ? s.name() : point.note();
          out.append("<title>").append(MarkupText.escape(note)).append("</title></circle>");
        }
      }
      out.append("</g>");
    }
  }

  private void drawMarkers(StringBuilder out, AxisScale x, AxisScale y) {
    for (ChartMarker m : markers) {
      double px = x.pixel(m.x());
      double py = y.pixel(m.y());
      out.append(
              String.format(
                  Locale.ROOT,
                  "<g class=\"marker\" data-x=\"%s\" data-y=\"%s\"><path d=\"M%.1f %.1f l-6 -11"
                      + " h12 z\" fill=\"#c00000\" stroke=\"#ffffff\"/><title>",
                  number(m.x()),
                  number(m.y()),
                  px,
                  py - 2))
          .append(MarkupText.escape(m.label()))
          .append("</title></g>");
    }
  }

  /**
   * Where each legend entry goes ({x, y} of its line), left to right under the title, wrapping onto
   * more rows when the entries do not fit one.
   */
  private List<double[]> legendPlaces() {
    List<double[]> places = new ArrayList<>();
    double x = LEFT;
    double y = 34;
    for (ChartSeries s : series) {
      double entry = 22 + 7.0 * s.name().length() + 18;
      if (x > LEFT && x + entry > width - RIGHT) {
        x = LEFT;
        y += LEGEND_ROW;
      }
      places.add(new double[] {x, y});
      x += entry;
    }
    return places;
  }

  private void drawLegend(StringBuilder out, List<double[]> places) {
    if (series.isEmpty()) {
      return;
    }
    out.append("<g class=\"legend\">");
    for (int i = 0; i < series.size(); i++) {
      ChartSeries s = series.get(i);
      double x = places.get(i)[0];
      double y = places.get(i)[1];
      out.append(
              String.format(
                  Locale.ROOT,
                  "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                      + " stroke-width=\"2\"%s/><text x=\"%.1f\" y=\"%.1f\" fill=\"#333333\">",
                  x,
                  y,
                  x + 18,
                  y,
                  colour(i),
                  s.dashed() ? " stroke-dasharray=\"5 4\"" : "",
                  x + 22,
                  y + 4))
          .append(MarkupText.escape(s.name()))
          .append("</text>");
    }
    out.append("</g>");
  }

  /** The colour of series {@code index}: its own, or the one after the highest taken before it. */
  private String colour(int index) {
    int highest = -1;
    int chosen = 0;
    for (int i = 0; i <= index; i++) {
      int own = series.get(i).colour();
      chosen = own >= 0 ? own : highest + 1;
      highest = Math.max(highest, chosen);
    }
    return COLOURS[chosen % COLOURS.length];
  }

  /** A data value as an attribute: integers without a fraction, so byte counts stay exact. */
  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}

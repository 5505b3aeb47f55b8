package org.kalamdb.kafka;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The harness's results as an SVG plot: one panel per driver and kind of store, stores on the x
 * axis, MB on the y axis; per setup a solid line for the accounted peak and a dashed one for the
 * RSS growth; a dotted line at the total the two bounded setups are sized to.
 */
final class MemoryPlot {
  private static final double MB = 1 << 20;
  private static final int PANEL_W = 380;
  private static final int PANEL_H = 250;
  private static final int LEFT = 60;
  private static final int TOP = 70;
  private static final int GAP_X = 90;
  private static final int GAP_Y = 80;
  private static final String[] COLORS = {"#d62728", "#ff7f0e", "#1f77b4"};

  private final List<CaseResult> results;
  private final long boundedTotalBytes;

  MemoryPlot(List<CaseResult> results, long boundedTotalBytes) {
    this.results = List.copyOf(results);
    this.boundedTotalBytes = boundedTotalBytes;
  }

  String svg() {
    int width = LEFT + 2 * PANEL_W + GAP_X + 30;
    int height = TOP + 2 * PANEL_H + GAP_Y + 50;
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">\n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
            width,
            height));
    out.append(
        "<text x=\"10\" y=\"20\" font-size=\"14\">Kafka Streams RocksDB memory by setup:"
            + " solid = accounted peak (Kafka's metrics), dashed = RSS growth</text>\n");
    legend(out);
    String[] drivers = {"driver", "kafka"};
    HarnessTopology.Kind[] kinds = HarnessTopology.Kind.values();
    for (int row = 0; row < kinds.length; row++) {
      for (int col = 0; col < drivers.length; col++) {
        panel(
            out,
            LEFT + col * (PANEL_W + GAP_X),
            TOP + row * (PANEL_H + GAP_Y),
            drivers[col],
            kinds[row]);
      }
    }
    return out.append("</svg>\n").toString();
  }

  private void legend(StringBuilder out) {
    int x = 10;
    for (Setup setup : Setup.values()) {
      out.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"40\" x2=\"%d\" y2=\"40\" stroke=\"%s\" stroke-width=\"2\"/>"
                  + "<text x=\"%d\" y=\"44\">(%s) %s</text>\n",
              x,
              x + 24,
              COLORS[setup.ordinal()],
              x + 30,
              setup.letter,
              escape(setup.label)));
      x += 230;
    }
  }

  private void panel(StringBuilder out, int x0, int y0, String driver, HarnessTopology.Kind kind) {
    List<CaseResult> mine =
        results.stream().filter(r -> r.driver().equals(driver) && r.kind() == kind).toList();
    String title =
        (driver.equals("driver") ? "TopologyTestDriver" : "KafkaStreams, 4 partitions, 2 threads")
            + ", "
            + (kind == HarnessTopology.Kind.KEY_VALUE ? "key-value stores" : "window stores");
    out.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"13\">%s</text>\n",
            x0,
            y0 - 10,
            escape(title)));
    out.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>\n",
            x0,
            y0,
            PANEL_W,
            PANEL_H));
    if (mine.isEmpty()) {
      out.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" fill=\"#888\">not run</text>\n",
              x0 + PANEL_W / 2 - 20,
              y0 + PANEL_H / 2));
      return;
    }
    List<Integer> stores =
        List.copyOf(new TreeSet<>(mine.stream().map(CaseResult::stores).toList()));
    double top = boundedTotalBytes / MB;
    for (CaseResult r : mine) {
      top = Math.max(top, Math.max(r.accountedPeak(), r.rssGrowth()) / MB);
    }
    double yMax = niceCeiling(top * 1.05);
    for (int t = 0; t <= 4; t++) {
      double v = yMax * t / 4;
      int y = y0 + PANEL_H - (int) Math.round(PANEL_H * t / 4.0);
      out.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#eee\"/>"
                  + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%.0f MB</text>\n",
              x0,
              y,
              x0 + PANEL_W,
              y,
              x0 - 5,
              y + 4,
              v));
    }
    for (int i = 0; i < stores.size(); i++) {
      out.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>\n",
              xOf(x0, i, stores.size()),
              y0 + PANEL_H + 16,
              stores.get(i)));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">stores</text>\n",
            x0 + PANEL_W / 2,
            y0 + PANEL_H + 32));
    int capY = yOf(y0, boundedTotalBytes / MB, yMax);
    out.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\""
                + " stroke-dasharray=\"2,3\"/><text x=\"%d\" y=\"%d\" fill=\"#555\""
                + " text-anchor=\"end\">(b), (c) sized to %.0f MB</text>\n",
            x0,
            capY,
            x0 + PANEL_W,
            capY,
            x0 + PANEL_W - 4,
            capY - 4,
            boundedTotalBytes / MB));
    for (Setup setup : Setup.values()) {
      line(out, mine, setup, stores, x0, y0, yMax, false);
      line(out, mine, setup, stores, x0, y0, yMax, true);
    }
  }

  private void line(
      StringBuilder out,
      List<CaseResult> mine,
      Setup setup,
      List<Integer> stores,
      int x0,
      int y0,
      double yMax,
      boolean rss) {
    StringBuilder points = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    for (int i = 0; i < stores.size(); i++) {
      int n = stores.get(i);
      for (CaseResult r : mine) {
        if (r.setup() == setup && r.stores() == n) {
          double mb = (rss ? r.rssGrowth() : r.accountedPeak()) / MB;
          int x = xOf(x0, i, stores.size());
          int y = yOf(y0, Math.max(0, mb), yMax);
          points.append(x).append(',').append(y).append(' ');
          dots.append(
              String.format(
                  Locale.ROOT,
                  "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"%s\"/>\n",
                  x,
                  y,
                  COLORS[setup.ordinal()]));
        }
      }
    }
    if (points.isEmpty()) {
      return;
    }
    out.append(
        String.format(
            Locale.ROOT,
            "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>\n",
            points.toString().trim(),
            COLORS[setup.ordinal()],
            rss ? " stroke-dasharray=\"6,4\" opacity=\"0.8\"" : ""));
    out.append(dots);
  }

  private static int xOf(int x0, int i, int count) {
    return x0 + (int) Math.round(PANEL_W * (i + 0.5) / count);
  }

  private static int yOf(int y0, double mb, double yMax) {
    return y0 + PANEL_H - (int) Math.round(PANEL_H * Math.min(mb, yMax) / yMax);
  }

  private static double niceCeiling(double v) {
    double step = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * step >= v) {
        return m * step;
      }
    }
    return 10 * step;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

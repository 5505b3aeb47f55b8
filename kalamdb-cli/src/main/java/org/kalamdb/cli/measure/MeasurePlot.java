package org.kalamdb.cli.measure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kalamdb.report.Megabytes;
import org.kalamdb.report.chart.ChartAxis;
import org.kalamdb.report.chart.ChartPoint;
import org.kalamdb.report.chart.ChartSeries;
import org.kalamdb.report.chart.SvgChart;

/**
 * {@code measure --plot}: the accounted peak (and RSS growth, where the OS gives it) against the
 * column-family count, one line per profile, as an SVG file of its own. Failed runs are left out.
 */
final class MeasurePlot {
  private MeasurePlot() {}

  static String svg(MeasureReport report) {
    SvgChart chart =
        new SvgChart(
            String.format(
                Locale.ROOT,
                "kalamdb measure: accounted peak (solid) and RSS growth (dashed), %d MB per column"
                    + " family, %s keys",
                report.mbPerColumnFamily(),
                report.keyOrder()),
            960,
            540,
            new ChartAxis("column families", 1),
            new ChartAxis("memory (MB)", Megabytes.unit()));
    // One series per profile, and per allocator setup when the runs used several.
    Map<String, List<WorkerResult>> byProfile = new LinkedHashMap<>();
    for (WorkerResult r : report.results()) {
      if (r.ok()) {
        byProfile.computeIfAbsent(report.runLabel(r), p -> new ArrayList<>()).add(r);
      }
    }
    int colour = 0;
    for (Map.Entry<String, List<WorkerResult>> profile : byProfile.entrySet()) {
      String label = profile.getKey();
      List<WorkerResult> runs =
          profile.getValue().stream()
              .sorted(Comparator.comparingInt(WorkerResult::columnFamilies))
              .toList();
      chart.add(
          new ChartSeries(
              label + " accounted",
              runs.stream().map(r -> point(r, r.peakTotalBytes(), label + " accounted")).toList(),
              false,
              colour));
      List<WorkerResult> withRss = runs.stream().filter(r -> r.rssGrowthBytes() != null).toList();
      if (!withRss.isEmpty()) {
        chart.add(
            new ChartSeries(
                label + " RSS",
                withRss.stream()
                    .map(r -> point(r, r.rssGrowthBytes(), label + " RSS growth"))
                    .toList(),
                true,
                colour));
      }
      colour++; // a profile's two lines share its colour
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + chart.svg() + "\n";
  }

  private static ChartPoint point(WorkerResult r, long bytes, String what) {
    return new ChartPoint(
        r.columnFamilies(),
        bytes,
        what + ", " + r.columnFamilies() + " CFs: " + Megabytes.of(bytes));
  }
}

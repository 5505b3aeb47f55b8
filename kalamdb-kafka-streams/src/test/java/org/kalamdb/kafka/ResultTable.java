package org.kalamdb.kafka;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The harness's results as text: a Markdown table (one row per kind, store count and setup; for
 * each driver the accounted peak, the RSS growth and the records per second) and CSV.
 */
final class ResultTable {
  private static final double MB = 1 << 20;
  private static final List<String> DRIVERS = List.of("driver", "kafka");

  private final List<CaseResult> results;

  ResultTable(List<CaseResult> results) {
    this.results = List.copyOf(results);
  }

  String csv() {
    StringBuilder out = new StringBuilder(CaseResult.CSV_HEADER).append('\n');
    for (CaseResult r : results) {
      out.append(r.toCsv()).append('\n');
    }
    return out.toString();
  }

  String markdown() {
    StringBuilder out =
        new StringBuilder(
            "| stores | setup | driver: accounted peak | RSS growth | records/s"
                + " | KafkaStreams: accounted peak | RSS growth | records/s |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|\n");
    HarnessTopology.Kind lastKind = null;
    for (Row row : rows()) {
      if (row.kind() != lastKind) {
        out.append("| **")
            .append(row.kind() == HarnessTopology.Kind.KEY_VALUE ? "key-value" : "window")
            .append(" stores** | | | | | | | |\n");
        lastKind = row.kind();
      }
      out.append("| ").append(row.stores()).append(" | (").append(row.setup().letter);
      out.append(") ").append(row.setup().label);
      for (String driver : DRIVERS) {
        Optional<CaseResult> r = find(row, driver);
        if (r.isEmpty()) {
          out.append(" | - | - | -");
          continue;
        }
        out.append(String.format(Locale.ROOT, " | %.1f MB", r.get().accountedPeak() / MB));
        out.append(String.format(Locale.ROOT, " | %.1f MB", r.get().rssGrowth() / MB));
        out.append(String.format(Locale.ROOT, " | %,.0f", r.get().recordsPerSecond()));
        if (!r.get().finished()) {
          out.append(" (unfinished)");
        }
      }
      out.append(" |\n");
    }
    return out.toString();
  }

  private record Row(HarnessTopology.Kind kind, int stores, Setup setup) {}

  private List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (CaseResult r : results) {
      Row row = new Row(r.kind(), r.stores(), r.setup());
      if (!rows.contains(row)) {
        rows.add(row);
      }
    }
    rows.sort(
        Comparator.comparing(Row::kind).thenComparingInt(Row::stores).thenComparing(Row::setup));
    return rows;
  }

  private Optional<CaseResult> find(Row row, String driver) {
    return results.stream()
        .filter(
            r ->
                r.driver().equals(driver)
                    && r.kind() == row.kind()
                    && r.stores() == row.stores()
                    && r.setup() == row.setup())
        .findFirst();
  }
}

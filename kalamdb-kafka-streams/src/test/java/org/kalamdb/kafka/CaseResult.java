package org.kalamdb.kafka;

import java.util.List;
import java.util.Locale;

/**
 * What one harness case measured: records and seconds, peaks of memtables, cache and accounted
 * memory (Kafka's metrics), resident set size before and at peak, and whether every record was
 * processed in the time allowed. One line of text ({@link #toLine}, {@link #parse}) carries it from
 * a child JVM to the harness.
 */
record CaseResult(
    String driver,
    Setup setup,
    HarnessTopology.Kind kind,
    int stores,
    long records,
    double seconds,
    long memtablesPeak,
    long cachePeak,
    long accountedPeak,
    long rssBefore,
    long rssPeak,
    boolean finished) {

  static final String PREFIX = "case-result ";
  static final String CSV_HEADER =
      "driver,setup,kind,stores,records,seconds,records_per_s,memtables_peak_bytes,"
          + "cache_peak_bytes,accounted_peak_bytes,rss_before_bytes,rss_peak_bytes,"
          + "rss_growth_bytes,finished";

  double recordsPerSecond() {
    return seconds > 0 ? records / seconds : 0;
  }

  long rssGrowth() {
    return rssPeak - rssBefore;
  }

  String toCsv() {
    return String.join(
        ",",
        driver,
        setup.letter,
        kind.label,
        Integer.toString(stores),
        Long.toString(records),
        String.format(Locale.ROOT, "%.3f", seconds),
        String.format(Locale.ROOT, "%.0f", recordsPerSecond()),
        Long.toString(memtablesPeak),
        Long.toString(cachePeak),
        Long.toString(accountedPeak),
        Long.toString(rssBefore),
        Long.toString(rssPeak),
        Long.toString(rssGrowth()),
        Boolean.toString(finished));
  }

  String toLine() {
    return PREFIX + toCsv();
  }

  static CaseResult parse(String line) {
    List<String> f = List.of(line.substring(PREFIX.length()).split(","));
    return new CaseResult(
        f.get(0),
        Setup.of(f.get(1)),
        HarnessTopology.Kind.of(f.get(2)),
        Integer.parseInt(f.get(3)),
        Long.parseLong(f.get(4)),
        Double.parseDouble(f.get(5)),
        Long.parseLong(f.get(7)),
        Long.parseLong(f.get(8)),
        Long.parseLong(f.get(9)),
        Long.parseLong(f.get(10)),
        Long.parseLong(f.get(11)),
        Boolean.parseBoolean(f.get(13)));
  }
}

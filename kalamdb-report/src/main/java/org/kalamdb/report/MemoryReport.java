package org.kalamdb.report;

import java.util.List;

/**
 * What one test JVM (one Surefire fork, one CI shard) saw of RocksDB memory during one test run:
 * every test with its stores, the JVM-wide sum over time, and the moments that sum crossed the
 * JVM-wide budget. Written as {@code kalamdb-memory.json} by {@link MemoryReportJson}; several are
 * drawn on one page by {@code MemoryReportHtml}.
 *
 * <p>Times are milliseconds since {@code startedAtEpochMillis}, so one file needs no clock of
 * another.
 *
 * @param format the file format's version, {@link #FORMAT}
 * @param source who wrote it, for people: the module or report id, process id and host
 * @param startedAtEpochMillis when the run started, in milliseconds since the epoch
 * @param durationMillis how long the run lasted
 * @param jvmBudgetBytes the JVM-wide budget ({@code kalamdb.store.jvm-budget-mb}) in bytes, or
 *     {@code null} when none was set
 * @param tests every test of a class that uses the extension (most have stores or watched
 *     databases; one with none has an empty list), in the order they started
 * @param timeline the JVM-wide sum of every live store and watched database, sampled over the run
 * @param crossings each time the sum went over the JVM-wide budget, in order
 * @param allocator the C allocator RocksDB's memory came from in that JVM, for people (e.g. {@code
 *     glibc malloc (MALLOC_ARENA_MAX=2)}): it decides how far RSS runs above the accounted figures;
 *     {@code null} in reports written before it was recorded
 */
public record MemoryReport(
    int format,
    String source,
    long startedAtEpochMillis,
    long durationMillis,
    Long jvmBudgetBytes,
    List<TestRecord> tests,
    List<TimelinePoint> timeline,
    List<BudgetCrossing> crossings,
    String allocator) {

  /** The version of the file format this code writes and reads. */
  public static final int FORMAT = 1;

  /**
   * Copies the lists, so a report stays what it was when built.
   *
   * @throws IllegalArgumentException when a list is missing or holds {@code null}, or a figure is
   *     negative
   */
  public MemoryReport {
    ReportFieldException.notNegative("startedAtEpochMillis", startedAtEpochMillis);
    ReportFieldException.notNegative("durationMillis", durationMillis);
    ReportFieldException.notNegative("jvmBudgetBytes", jvmBudgetBytes);
    tests = ReportFieldException.list("tests", tests);
    timeline = ReportFieldException.list("timeline", timeline);
    crossings = ReportFieldException.list("crossings", crossings);
  }

  /** A report that does not say which allocator its JVM used. */
  public MemoryReport(
      int format,
      String source,
      long startedAtEpochMillis,
      long durationMillis,
      Long jvmBudgetBytes,
      List<TestRecord> tests,
      List<TimelinePoint> timeline,
      List<BudgetCrossing> crossings) {
    this(
        format,
        source,
        startedAtEpochMillis,
        durationMillis,
        jvmBudgetBytes,
        tests,
        timeline,
        crossings,
        null);
  }
}

package org.kalamdb.junit.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.kalamdb.report.BudgetCrossing;
import org.kalamdb.report.MemoryReport;
import org.kalamdb.report.StoreRecord;
import org.kalamdb.report.TestRecord;
import org.kalamdb.store.NativeAllocator;

/**
 * Collects the {@link MemoryReport} of one run while it goes: tests as they start, are checked and
 * finish, the JVM-wide sum at every change, the JVM-wide budget's crossings. Times are given as
 * {@link System#nanoTime()} and kept as milliseconds since the run started. Thread safe.
 */
public final class ReportRecorder {
  private final String source;
  private final long startedAtEpochMillis;
  private final long startNanos;
  private final Long jvmBudgetBytes;
  private final String allocator = NativeAllocator.current().describe();
  private final Map<String, Test> tests = new LinkedHashMap<>();
  private final Timeline timeline = new Timeline();
  private final List<BudgetCrossing> crossings = new ArrayList<>();

  /**
   * @param source who writes the report, for people
   * @param startedAtEpochMillis when the run started, wall clock
   * @param startNanos the same moment by {@link System#nanoTime()}
   * @param jvmBudgetBytes the JVM-wide budget, {@code null} without one
   */
  public ReportRecorder(
      String source, long startedAtEpochMillis, long startNanos, Long jvmBudgetBytes) {
    this.source = source;
    this.startedAtEpochMillis = startedAtEpochMillis;
    this.startNanos = startNanos;
    this.jvmBudgetBytes = jvmBudgetBytes;
  }

  /** Milliseconds since the run started at {@code nanoTime}; never negative. */
  public long millis(long nanoTime) {
    return Math.max(0, TimeUnit.NANOSECONDS.toMillis(nanoTime - startNanos));
  }

  /** A test started: it is in the report from now on, {@code passed} until told otherwise. */
  public synchronized void testStarted(
      String uniqueId, String className, String displayName, long nanoTime) {
    tests.computeIfAbsent(uniqueId, id -> new Test(id, className, displayName, millis(nanoTime)));
  }

  /** The stores and watched databases of a test, at its budget check. */
  public synchronized void testChecked(String uniqueId, List<StoreRecord> stores) {
    Test test = tests.get(uniqueId);
    if (test != null) {
      test.stores = List.copyOf(stores);
    }
  }

  /**
   * A test ended.
   *
   * @param status {@code passed}, {@code failed}, {@code aborted} or {@code skipped}
   * @param failure the failure's message, {@code null} when it passed
   */
  public synchronized void testFinished(
      String uniqueId, String status, String failure, long nanoTime) {
    Test test = tests.get(uniqueId);
    if (test != null) {
      test.status = status;
      test.failure = failure;
      test.endMillis = millis(nanoTime);
    }
  }

  /** The JVM-wide sum at {@code nanoTime}; kept when it changed. */
  public synchronized void sum(long nanoTime, long totalBytes) {
    timeline.add(millis(nanoTime), totalBytes);
  }

  /** A crossing of the JVM-wide budget. */
  public synchronized void crossing(BudgetCrossing crossing) {
    crossings.add(crossing);
  }

  /**
   * The report as it stands, the run ending at {@code endNanos} with the sum {@code lastSum} (the
   * timeline reaches that moment).
   */
  public synchronized MemoryReport report(long endNanos, long lastSum) {
    long end = millis(endNanos);
    timeline.end(end, lastSum);
    List<TestRecord> records = new ArrayList<>(tests.size());
    for (Test test : tests.values()) {
      records.add(test.record(end));
    }
    return new MemoryReport(
        MemoryReport.FORMAT,
        source,
        startedAtEpochMillis,
        end,
        jvmBudgetBytes,
        records,
        timeline.points(),
        crossings,
        allocator);
  }

  /** A test while the run goes; becomes a {@link TestRecord}. */
  private static final class Test {
    private final String uniqueId;
    private final String className;
    private final String displayName;
    private final long startMillis;
    private long endMillis = -1;
    private String status = "passed";
    private String failure;
    private List<StoreRecord> stores = List.of();

    Test(String uniqueId, String className, String displayName, long startMillis) {
      this.uniqueId = uniqueId;
      this.className = className;
      this.displayName = displayName;
      this.startMillis = startMillis;
    }

    TestRecord record(long runEnd) {
      return new TestRecord(
          uniqueId,
          className,
          displayName,
          status,
          startMillis,
          endMillis < 0 ? runEnd : endMillis,
          failure,
          stores);
    }
  }
}

package org.kalamdb.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reports with several tests, stores, components, a budget and a crossing, as two forks write. */
final class SampleReports {
  static final long MB = 1024 * 1024;
  static final String HOSTILE = "<script>alert('x')</script> & \"quoted\" \u001b[31m";

  private SampleReports() {}

  static StoreRecord store(String name, String storage, Long budget, boolean over, long... parts) {
    Map<String, Long> components = new LinkedHashMap<>();
    String[] names = {"memtables", "blockCache", "tableReaders", "inMemoryFiles"};
    long peak = 0;
    for (int i = 0; i < parts.length; i++) {
      components.put(names[i], parts[i]);
      peak += i < 3 ? parts[i] : 0;
    }
    return new StoreRecord(
        name,
        "store",
        storage,
        budget,
        budget == null ? null : "@KalamStoreTest",
        peak,
        components,
        over);
  }

  static TestRecord test(
      String clazz, String name, String status, long start, long end, StoreRecord... stores) {
    return new TestRecord(
        "[engine:junit-jupiter]/[class:" + clazz + "]/[method:" + name + "]",
        clazz,
        name,
        status,
        start,
        end,
        status.equals("failed") ? "store over its budget:\n 9.0 MB > 8.0 MB" : null,
        List.of(stores));
  }

  /** Fork 1: a JVM budget of 12 MB, crossed while {@code bulkLoad()} ran. */
  static MemoryReport forkOne() {
    TestRecord small =
        test(
            "com.acme.UserRepoTest",
            "findsUser()",
            "passed",
            10,
            120,
            store("store", "disk", 8 * MB, false, 1 * MB, 512 * 1024, 4096));
    TestRecord bulk =
        test(
            "com.acme.UserRepoTest",
            "bulkLoad()",
            "failed",
            130,
            400,
            store("store", "disk", 8 * MB, true, 7 * MB, 2 * MB, 123_457),
            store("cache", "memory", 8 * MB, false, 3 * MB, 0, 0, 5 * MB));
    TestRecord hostile =
        test(
            "com.acme.Odd" + "Test",
            HOSTILE,
            "passed",
            410,
            480,
            store("s&<>", "disk", null, false, 5 * MB + 17, MB, 0));
    List<TimelinePoint> timeline = new ArrayList<>();
    long[] sums = {
      0, 1_572_864, 1_576_960, 0, 6 * MB, 15 * MB + 123_457, 9 * MB, 0, 6 * MB + 17, 0
    };
    for (int i = 0; i < sums.length; i++) {
      timeline.add(new TimelinePoint(i * 50L, sums[i]));
    }
    BudgetCrossing crossing =
        new BudgetCrossing(
            250,
            15 * MB + 123_457,
            12 * MB,
            List.of(bulk.uniqueId()),
            List.of(
                new BudgetCrossing.Share("store (bulkLoad())", 9 * MB + 123_457),
                new BudgetCrossing.Share("cache (bulkLoad())", 3 * MB)));
    return new MemoryReport(
        MemoryReport.FORMAT,
        "sample 101@ci-1",
        1_760_000_000_000L,
        500,
        12 * MB,
        List.of(small, bulk, hostile),
        timeline,
        List.of(crossing),
        "jemalloc (libjemalloc.so.2, MALLOC_CONF=narenas:2) <b>&");
  }

  /**
   * No JVM budget; a store far under its 96 MB budget (0.3 MB, 2 KB of it memtables) beside a store
   * of 90 MB without a budget, and a store of 12 MB over its budget of 8 MB.
   */
  static MemoryReport budgets() {
    TestRecord small =
        test(
            "com.acme.BudgetTest",
            "small()",
            "passed",
            0,
            100,
            store("small", "disk", 96 * MB, false, 2048, 300 * 1024, 0));
    TestRecord big =
        test(
            "com.acme.BudgetTest",
            "big()",
            "passed",
            100,
            200,
            store("big", "disk", null, false, 60 * MB, 30 * MB, 0));
    TestRecord over =
        test(
            "com.acme.BudgetTest",
            "over()",
            "failed",
            200,
            300,
            store("over", "disk", 8 * MB, true, 9 * MB, 3 * MB, 0));
    return new MemoryReport(
        MemoryReport.FORMAT,
        "budgets 103@ci-3",
        1_760_000_000_400L,
        300,
        null,
        List.of(small, big, over),
        List.of(
            new TimelinePoint(0, 0),
            new TimelinePoint(50, 2048 + 300 * 1024),
            new TimelinePoint(150, 90 * MB),
            new TimelinePoint(250, 12 * MB),
            new TimelinePoint(300, 0)),
        List.of());
  }

  /** Fork 2: no JVM budget, two tests. */
  static MemoryReport forkTwo() {
    TestRecord a =
        test(
            "com.acme.OrderTest",
            "placesOrder()",
            "passed",
            5,
            90,
            store("store", "disk", 16 * MB, false, 2 * MB, MB, 100));
    TestRecord b = test("com.acme.OrderTest", "ignored()", "skipped", 95, 95);
    return new MemoryReport(
        MemoryReport.FORMAT,
        "sample 102@ci-2",
        1_760_000_000_200L,
        100,
        null,
        List.of(a, b),
        List.of(
            new TimelinePoint(0, 0), new TimelinePoint(40, 3 * MB + 100), new TimelinePoint(95, 0)),
        List.of());
  }
}

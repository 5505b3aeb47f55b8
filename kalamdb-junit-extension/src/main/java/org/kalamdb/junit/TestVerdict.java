package org.kalamdb.junit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.kalamdb.report.StoreRecord;
import org.kalamdb.store.Storage;

/**
 * The budget checks of one test, taken right after its method: each store the test can see and each
 * database its memory watches watch, judged on its peak up to now. Taking them takes each one's
 * last sample, on which the JVM-wide sum is then judged.
 */
final class TestVerdict {
  private static final String REPORT_PREFIX = "kalamdb.store.";

  /**
   * Report entry of the watched databases together; the dash keeps it apart from any store, whose
   * name is a Java identifier.
   */
  static final String DATABASES_TOTAL = REPORT_PREFIX + "watched-databases";

  private final List<BudgetCheck> stores;
  private final List<BudgetCheck> databases;

  private TestVerdict(List<BudgetCheck> stores, List<BudgetCheck> databases) {
    this.stores = stores;
    this.databases = databases;
  }

  /** Checks every store, then every watched database, in that order. */
  static TestVerdict take(List<ManagedStore> stores, List<MemoryWatch> watches) {
    List<BudgetCheck> storeChecks = stores.stream().map(BudgetCheck::of).toList();
    List<BudgetCheck> databaseChecks = new ArrayList<>();
    for (MemoryWatch watch : watches) {
      watch.databases().forEach(database -> databaseChecks.add(BudgetCheck.of(database)));
    }
    return new TestVerdict(storeChecks, databaseChecks);
  }

  /** The checks as the memory report records them. */
  List<StoreRecord> records() {
    List<StoreRecord> records = new ArrayList<>();
    stores.forEach(check -> records.add(check.record("store")));
    databases.forEach(check -> records.add(check.record("watched")));
    return records;
  }

  /**
   * Publishes each peak as report entries of the test (a name seen again gets {@code #2}, ...) and
   * the sum of the watched databases when there are several; also on standard output if asked.
   */
  void publish(ExtensionContext context, boolean toStdout) {
    Map<String, Integer> names = new HashMap<>();
    for (BudgetCheck check : all()) {
      int seen = names.merge(check.name(), 1, Integer::sum);
      context.publishReportEntry(
          entry(REPORT_PREFIX + check.name() + (seen > 1 ? "#" + seen : ""), check));
      if (toStdout) {
        // Surefire's XML drops report entries but keeps a test's standard output.
        System.out.println("[kalamdb] " + check.summary());
      }
    }
    if (databases.size() > 1) {
      long sum = databases.stream().mapToLong(check -> check.peak().total()).sum();
      context.publishReportEntry(DATABASES_TOTAL + ".peak-bytes", Long.toString(sum));
      if (toStdout) {
        System.out.println("[kalamdb] " + BudgetCheck.sumSummary(databases));
      }
    }
  }

  /** A message for each check whose budget is too large to judge or whose peak is over it. */
  List<String> budgetFailures() {
    List<String> failures = new ArrayList<>();
    for (BudgetCheck check : all()) {
      if (!check.budgetFits()) {
        failures.add(check.budgetTooLarge());
      } else if (check.overBudget()) {
        failures.add(check.message());
      }
    }
    return failures;
  }

  /**
   * A message for each store or watched database whose writes stalled for long during the test (a
   * write that waited for ever would hang the test instead).
   */
  static List<String> lastingStalls(List<ManagedStore> stores, List<MemoryWatch> watches) {
    List<String> failures = new ArrayList<>();
    stores.forEach(s -> s.lastingStalls().failure().ifPresent(failures::add));
    for (MemoryWatch watch : watches) {
      watch.databases().forEach(d -> d.lastingStalls().failure().ifPresent(failures::add));
    }
    return failures;
  }

  private List<BudgetCheck> all() {
    List<BudgetCheck> all = new ArrayList<>(stores);
    all.addAll(databases);
    return all;
  }

  private static Map<String, String> entry(String key, BudgetCheck check) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put(key + ".peak-bytes", Long.toString(check.judgedBytes()));
    entry.put(key + ".budget-bytes", check.budgetBytes().toString());
    if (check.storage() == Storage.MEMORY) {
      entry.put(key + ".storage", Storage.MEMORY.id());
      entry.put(key + ".in-memory-file-bytes", Long.toString(check.peak().inMemoryFileBytes()));
    }
    return entry;
  }
}

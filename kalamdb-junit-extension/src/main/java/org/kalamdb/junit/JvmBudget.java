package org.kalamdb.junit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.kalamdb.store.MemoryUsage;

/**
 * The JVM-wide budget of one run ({@code kalamdb.store.jvm-budget-mb}): watches the sum of every
 * live store and watched database of the JVM ({@link JvmStores}) and notes each crossing, the
 * moment the sum goes from at most the budget to over it, with the tests running then. The budget
 * check of each of those tests fails it. A test that runs while the sum merely stays over does not
 * fail: only a new crossing, after the sum came back under, fails the tests running then. A
 * crossing while none of the run's tests was running (in {@code @BeforeAll}, {@code @AfterEach},
 * between tests) fails the next test checked.
 *
 * <p>A test runs, for this purpose, from the extension's {@code beforeEach} to its budget check
 * right after the test method. Thread safe.
 */
final class JvmBudget {
  private final long budgetMb;
  private final Set<String> running = new LinkedHashSet<>();
  private final List<Crossing> unclaimed = new ArrayList<>();
  private final List<Crossing> crossings = new ArrayList<>();
  private boolean over;

  JvmBudget(long budgetMb) {
    this.budgetMb = budgetMb;
  }

  /**
   * A crossing: when, the round that crossed, the tests running then.
   *
   * @param atMillis since the run started
   * @param round the sum and its shares
   * @param testIds unique ids of the tests running then
   */
  record Crossing(long atMillis, JvmStores.Round round, List<String> testIds) {
    Crossing {
      testIds = List.copyOf(testIds);
    }
  }

  long budgetBytes() {
    return budgetMb > Long.MAX_VALUE >> 20 ? Long.MAX_VALUE : budgetMb << 20;
  }

  synchronized void testStarted(String testId) {
    running.add(testId);
  }

  /** The test stopped running (its {@code afterEach}); idempotent. */
  synchronized void testEnded(String testId) {
    running.remove(testId);
  }

  /**
   * Judges a round: a crossing if the sum went over the budget from at most it.
   *
   * @return the crossing, or {@code null}
   */
  synchronized Crossing observe(JvmStores.Round round, long atMillis) {
    boolean nowOver = round.totalBytes() > budgetBytes();
    Crossing crossing = null;
    if (nowOver && !over) {
      crossing = new Crossing(atMillis, round, List.copyOf(running));
      crossings.add(crossing);
      if (running.isEmpty()) {
        unclaimed.add(crossing);
      }
    }
    over = nowOver;
    return crossing;
  }

  /**
   * The budget check of a test (after a fresh round): the test stops running, and the messages of
   * the crossings it failed come back, one line each; none when it passed.
   */
  synchronized List<String> testChecked(String testId) {
    running.remove(testId);
    List<String> messages = new ArrayList<>();
    for (Crossing crossing : crossings) {
      if (crossing.testIds().contains(testId)) {
        messages.add(message(crossing, "during this test"));
      }
    }
    for (Crossing crossing : unclaimed) {
      messages.add(
          message(
              crossing,
              crossing.atMillis()
                  + " ms into the run while no test was running (in @BeforeAll, @AfterEach,"
                  + " @AfterAll or between tests), and this is the first test checked since"));
    }
    unclaimed.clear();
    return messages;
  }

  /** Crossings no test was checked after; the run ends with them unjudged. */
  synchronized List<Crossing> unclaimed() {
    return List.copyOf(unclaimed);
  }

  /**
   * {@code the JVM-wide sum of RocksDB memory went over its budget of 48 MB (configuration
   * parameter kalamdb.store.jvm-budget-mb) during this test: 61.3 MB in 2 stores and watched
   * databases: store 'big' of T.large() 50.0 MB, store 'shared' of T 11.3 MB}.
   */
  String message(Crossing crossing, String when) {
    List<JvmStores.Share> shares = crossing.round().shares();
    return "the JVM-wide sum of RocksDB memory went over its budget of "
        + budgetMb
        + " MB (configuration parameter "
        + RunParameters.JVM_BUDGET_MB
        + ") "
        + when
        + ": "
        + MemoryUsage.mb(crossing.round().totalBytes())
        + " in "
        + shares.size()
        + (shares.size() == 1 ? " store or watched database: " : " stores and watched databases: ")
        + shares.stream().map(JvmStores.Share::describe).collect(Collectors.joining(", "));
  }
}

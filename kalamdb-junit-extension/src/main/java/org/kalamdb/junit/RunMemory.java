package org.kalamdb.junit;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.kalamdb.junit.report.ReportFile;
import org.kalamdb.junit.report.ReportRecorder;
import org.kalamdb.report.BudgetCrossing;
import org.kalamdb.report.StoreRecord;

/**
 * What one run (one execution of the Jupiter engine: a Surefire fork, an IDE run, one {@code
 * EngineTestKit} execution) does with the JVM-wide registry {@link JvmStores}: its JVM-wide budget
 * and its memory report. Kept in the store of the root extension context, which JUnit closes when
 * the engine finishes: {@link #close()} then writes the report.
 *
 * <p>Implements both {@link AutoCloseable} and the {@code CloseableResource} of JUnit 5.10-5.12,
 * like {@link StoreRegistry}; {@link #close()} is idempotent. Thread safe.
 */
// CloseableResource is what JUnit 5.10-5.12 close; deprecated since 5.13 but still honoured.
@SuppressWarnings("deprecation")
final class RunMemory
    implements AutoCloseable, ExtensionContext.Store.CloseableResource, JvmStores.Observer {
  private static final Namespace NAMESPACE = Namespace.create(RunMemory.class);

  private final JvmStores stores;
  private final JvmBudget budget;
  private final ReportRecorder recorder;
  private final ReportFile reportFile;
  private final boolean observing;
  private final long startNanos = System.nanoTime();
  private long lastSum;
  private boolean closed;

  private RunMemory(JvmStores stores, RunParameters parameters) {
    this.stores = stores;
    this.budget =
        parameters.jvmBudgetMb().isPresent()
            ? new JvmBudget(parameters.jvmBudgetMb().getAsLong())
            : null;
    this.reportFile = parameters.report() ? parameters.reportFile() : null;
    this.recorder =
        reportFile == null
            ? null
            : new ReportRecorder(
                source(parameters.reportFile()),
                System.currentTimeMillis(),
                startNanos,
                budget == null ? null : budget.budgetBytes());
    // Without a budget and a report nobody needs the rounds: no background thread then.
    this.observing = budget != null || recorder != null;
    if (observing) {
      stores.observe(this);
    }
  }

  /** The run of {@code context}, created by its first caller. */
  static RunMemory of(ExtensionContext context, RunParameters parameters) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            RunMemory.class, k -> new RunMemory(JvmStores.jvm(), parameters), RunMemory.class);
  }

  /** The run of {@code context} if one was created (it is, by any callback that makes stores). */
  static java.util.Optional<RunMemory> existing(ExtensionContext context) {
    return java.util.Optional.ofNullable(
        context.getRoot().getStore(NAMESPACE).get(RunMemory.class, RunMemory.class));
  }

  /** The owner of stores created in {@code context}: its test, or its class for a class context. */
  static JvmStores.Owner owner(ExtensionContext context) {
    String label =
        context.getTestMethod().isPresent()
            ? context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName()
            : context.getTestClass().map(Class::getSimpleName).orElse(context.getDisplayName());
    return new JvmStores.Owner(context.getUniqueId(), label);
  }

  /** Who writes the report: the module directory, the report id, the process. */
  private static String source(ReportFile file) {
    Path module = Path.of("").toAbsolutePath().getFileName();
    return (module == null ? "/" : module.toString())
        + file.id().map(id -> " (report id " + id + ")").orElse("")
        + ", "
        + ManagementFactory.getRuntimeMXBean().getName();
  }

  @Override
  public void observe(JvmStores.Round round) {
    synchronized (this) {
      lastSum = round.totalBytes();
      if (recorder != null) {
        recorder.sum(round.nanoTime(), round.totalBytes());
      }
      if (budget == null) {
        return;
      }
      // The crossing's time is when it is judged, not when the round began: the tests it names are
      // those running now, and each of them started before now (a round begun before a test
      // started may be judged after it).
      long at = Math.max(0, (System.nanoTime() - startNanos) / 1_000_000);
      JvmBudget.Crossing crossing = budget.observe(round, at);
      if (crossing != null && recorder != null) {
        recorder.crossing(
            new BudgetCrossing(
                at,
                round.totalBytes(),
                budget.budgetBytes(),
                crossing.testIds(),
                round.shares().stream()
                    .map(share -> new BudgetCrossing.Share(share.name(), share.bytes()))
                    .toList()));
      }
    }
  }

  /**
   * A test starts (the extension's {@code beforeEach}, after its stores took a fresh sample): a
   * round first, so that a crossing before it (say in {@code @BeforeAll}) is one while no test was
   * running, whether or not a background round saw it yet.
   */
  void testStarted(ExtensionContext context) {
    if (budget != null) {
      stores.round();
    }
    // Taken before the test counts as running (a background round in flight may still be older).
    long start = System.nanoTime();
    if (budget != null) {
      budget.testStarted(context.getUniqueId());
    }
    if (recorder != null) {
      recorder.testStarted(
          context.getUniqueId(),
          context.getRequiredTestClass().getName(),
          context.getDisplayName(),
          start);
    }
  }

  /**
   * The budget check of a test, after its stores took a last sample: a round now, then the messages
   * of the JVM-wide crossings it fails, one line each; none when it passes.
   */
  List<String> testChecked(ExtensionContext context, List<StoreRecord> records) {
    if (recorder != null) {
      recorder.testChecked(context.getUniqueId(), records);
    }
    if (budget == null) {
      return List.of();
    }
    stores.round();
    return budget.testChecked(context.getUniqueId());
  }

  /** A test's {@code afterEach}: it stops running for the JVM-wide budget, checked or not. */
  void testEnded(ExtensionContext context) {
    if (budget != null) {
      budget.testEnded(context.getUniqueId());
    }
  }

  /** A test ended with {@code status}, and the failure's message if it failed. */
  void testFinished(ExtensionContext context, String status, Throwable cause) {
    if (recorder != null) {
      String failure =
          cause == null ? null : cause.getMessage() == null ? cause.toString() : cause.getMessage();
      recorder.testFinished(context.getUniqueId(), status, failure, System.nanoTime());
    }
  }

  /** The engine finished: a last round, then the report is written. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    if (!observing) {
      return;
    }
    stores.round();
    stores.stopObserving(this);
    if (budget != null) {
      for (JvmBudget.Crossing crossing : budget.unclaimed()) {
        System.err.println(
            "[kalamdb] WARNING: "
                + budget.message(
                    crossing,
                    crossing.atMillis() + " ms into the run, after the last test was checked"));
      }
    }
    if (recorder != null) {
      long sum;
      synchronized (this) {
        sum = lastSum;
      }
      reportFile.write(recorder.report(System.nanoTime(), sum), System.err);
    }
  }
}

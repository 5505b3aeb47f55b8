package org.kalamdb.junit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.kalamdb.store.MemoryUsage;
import org.kalamdb.store.PeakRecorder;

/**
 * The one registry of the test JVM: every store the extension opened and every database watched
 * through {@link MemoryWatch}, while it lives, with the test it belongs to. Rounds add up their
 * accounted memory ({@link MemoryUsage#total()}, as the per-store budget counts it) and hand the
 * sum with every share to the {@link Observer}s: the JVM-wide budget and the memory report of each
 * run ({@link RunMemory}).
 *
 * <p>A round reads only what the stores' own samplers recorded (every 100 ms in the background,
 * after every MB written, at memtable seals and flushes, at close, and when the budget check
 * samples): it never calls RocksDB, so it can neither slow a store down nor touch a database its
 * owner closed. Each entry counts with the highest sample its source took since the previous round
 * (its own {@link PeakRecorder}, reset every round), so a spike between two rounds is not missed;
 * the sum errs high, never low. Rounds run every {@link #PERIOD_MILLIS} ms on one daemon thread
 * while some run observes, and on demand ({@link #round()}) right before a budget check.
 *
 * <p>Thread safe.
 */
final class JvmStores {
  /** Period of the background rounds. */
  static final long PERIOD_MILLIS = 25;

  private static final JvmStores JVM = new JvmStores();

  private final Set<Entry> entries = new LinkedHashSet<>();
  private final List<Observer> observers = new CopyOnWriteArrayList<>();
  private final ScheduledThreadPoolExecutor scheduler = newScheduler();
  private ScheduledFuture<?> rounds;

  private JvmStores() {}

  /** The registry of this JVM. */
  static JvmStores jvm() {
    return JVM;
  }

  /** Who owns a store: its test (or class, for a static store), by id and as people read it. */
  record Owner(String testId, String label) {}

  /**
   * One entry's part of a round's sum.
   *
   * @param subject e.g. {@code store 'orders'} or {@code database 'repo'}
   * @param owner its test
   * @param bytes its accounted bytes in this round
   */
  record Share(String subject, Owner owner, long bytes) {
    /** {@code store 'orders' of OrdersTest.bulk() 12.0 MB}. */
    String describe() {
      return name() + " " + MemoryUsage.mb(bytes);
    }

    /** The subject and its test, as the report names a share. */
    String name() {
      return subject + " of " + owner.label();
    }
  }

  /**
   * One round: the sum at {@code nanoTime} and every share, largest first.
   *
   * @param nanoTime {@link System#nanoTime()} of the round
   * @param totalBytes the sum of the shares
   * @param shares every live store and watched database, largest first
   */
  record Round(long nanoTime, long totalBytes, List<Share> shares) {
    Round {
      shares = List.copyOf(shares);
    }
  }

  /** Told every round, in order, one round at a time. */
  interface Observer {
    /** Must be quick and must not call back into the registry. */
    void observe(Round round);
  }

  /** A live store or watched database; {@link #close()} takes it out of the registry. */
  final class Entry implements AutoCloseable {
    private final String subject;
    private final Owner owner;
    private final PeakRecorder recorder;
    private final BooleanSupplier closedByOwner;

    private Entry(
        String subject, Owner owner, PeakRecorder recorder, BooleanSupplier closedByOwner) {
      this.subject = subject;
      this.owner = owner;
      this.recorder = recorder;
      this.closedByOwner = closedByOwner;
    }

    /** Leaves the registry; idempotent. */
    @Override
    public void close() {
      synchronized (JvmStores.this) {
        entries.remove(this);
      }
      recorder.close();
    }
  }

  /**
   * Adds a live store or watched database.
   *
   * @param subject e.g. {@code store 'orders'}
   * @param owner its test
   * @param recorder a recorder of its own, fed by every sample of the source; the registry resets
   *     it every round and closes it when the entry leaves
   * @param closedByOwner true once the source was closed (by the extension or its user); read
   *     without touching RocksDB. The entry counts one round more (its last samples) and leaves
   */
  Entry register(
      String subject, Owner owner, PeakRecorder recorder, BooleanSupplier closedByOwner) {
    Entry entry = new Entry(subject, owner, recorder, closedByOwner);
    synchronized (this) {
      entries.add(entry);
    }
    return entry;
  }

  /** Starts telling {@code observer} every round; rounds run in the background from now on. */
  synchronized void observe(Observer observer) {
    observers.add(observer);
    if (rounds == null) {
      rounds =
          scheduler.scheduleWithFixedDelay(
              this::roundQuietly, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** Stops telling {@code observer}; without observers the background rounds stop. */
  synchronized void stopObserving(Observer observer) {
    observers.remove(observer);
    if (observers.isEmpty() && rounds != null) {
      rounds.cancel(false);
      rounds = null;
    }
  }

  /**
   * Takes a round now and tells every observer; entries found closed leave after it.
   *
   * @return the round
   */
  synchronized Round round() {
    long sum = 0;
    List<Share> shares = new ArrayList<>(entries.size());
    List<Entry> closed = new ArrayList<>();
    for (Entry entry : entries) {
      // Read whether it was closed first: the samples up to the close are then all in the peak.
      boolean gone = entry.closedByOwner.getAsBoolean();
      long bytes = entry.recorder.peak().total();
      entry.recorder.reset();
      sum += bytes;
      shares.add(new Share(entry.subject, entry.owner, bytes));
      if (gone) {
        closed.add(entry);
      }
    }
    for (Entry entry : closed) {
      entries.remove(entry);
      entry.recorder.close();
    }
    shares.sort(Comparator.comparingLong(Share::bytes).reversed());
    Round round = new Round(System.nanoTime(), sum, shares);
    for (Observer observer : observers) {
      observer.observe(round);
    }
    return round;
  }

  private void roundQuietly() {
    try {
      round();
    } catch (RuntimeException e) {
      // A failed round must not end the background task; the next one tries again.
    }
  }

  private static ScheduledThreadPoolExecutor newScheduler() {
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "kalamdb-jvm-memory");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.setRemoveOnCancelPolicy(true);
    // No thread is left behind between runs.
    scheduler.setKeepAliveTime(1, TimeUnit.SECONDS);
    scheduler.allowCoreThreadTimeOut(true);
    return scheduler;
  }
}

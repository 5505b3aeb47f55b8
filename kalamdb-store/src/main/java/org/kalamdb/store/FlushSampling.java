package org.kalamdb.store;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.kalamdb.config.RocksDbConfig;
import org.rocksdb.AbstractEventListener;
import org.rocksdb.Cache;
import org.rocksdb.FlushJobInfo;
import org.rocksdb.MemTableInfo;
import org.rocksdb.RocksDB;

/**
 * The sampling wiring between {@link RocksDbOptions}, {@link KalamStore} and {@link DatabaseWatch}:
 * the state they share and the listener that drives it, all here.
 *
 * <p><b>Who registers what.</b>
 *
 * <ul>
 *   <li>{@link RocksDbOptions} registers each shared cache it makes with a {@link Binding} (its
 *       config, whether a write buffer manager charges memtables to the cache, and the options
 *       themselves) when it is built, on the building thread ({@link #cacheMade}), and its {@code
 *       close()} replaces the binding with one that no longer refers to the options, under the
 *       options' lock ({@link #cacheClosed}). Weak keys: an entry goes with its cache object.
 *   <li>{@link DatabaseWatch#start} looks up the binding of the caches it is given ({@link
 *       #bindingOf}) and adds the watch to the live watches before its first sample ({@link
 *       #watchStarted}), on the thread calling {@code start}; a watch leaves them when it stops
 *       sampling ({@link #watchStopped}): at its {@code close()}, from any thread, or when a sample
 *       finds its database closed.
 *   <li>A {@link KalamStore} adds its sampling task to the listener of its own options at open
 *       ({@link RocksDbOptions#sampleOnFullMemtables}); the task takes the store's lock only when
 *       it is free, so it never waits for a close that waits for this flush.
 * </ul>
 *
 * <p><b>The listener</b> ({@link FullMemtableListener}, one per {@link RocksDbOptions}, in its
 * {@code dbOptions()} and added by {@code applyTo}) runs on RocksDB's background threads with the
 * database mutex released. At every memtable seal it runs the store tasks. At every flush begin, in
 * the flush job, it samples the live watches of the database being flushed ({@link #flushBegan}),
 * matched by native handle, through the database object RocksDB passes in, then runs the store
 * tasks. At flush begin and completion it counts a flush event (for {@link StallWatch}) and frees
 * what rocksdbjni allocated for that database object ({@link CallbackDatabases}). Nothing thrown
 * reaches RocksDB's thread.
 *
 * <p><b>Why a flush job is the only place a watched database is read from a background thread.</b>
 * The owner may close its database at any moment from any thread, and a native call running when
 * that close frees the database crashes the JVM; no check before the call prevents it. A closing
 * database waits for its running flush jobs, so nothing frees it under a flush callback. Every
 * other background read leaves the database alone: a watch's background task (on the shared {@link
 * PeakSampler} thread) reads only the cache of its {@link RocksDbOptions}, through {@link
 * RocksDbOptions#cacheUsage()}, under the options' lock, which their close takes too.
 */
final class FlushSampling {

  /** The options behind each shared cache made by {@link RocksDbOptions}. */
  private static final Map<Cache, Binding> BY_CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** Live watches: sampled at every flush begin of their database. */
  private static final List<DatabaseWatch> LIVE = new CopyOnWriteArrayList<>();

  private FlushSampling() {}

  /**
   * What a watch learns from the cache it was given: the config, whether a write buffer manager
   * charges memtables to the cache, and the options that own the cache ({@code null} once closed),
   * whose {@link RocksDbOptions#cacheUsage()} reads it safely.
   */
  record Binding(RocksDbConfig config, boolean memtablesCharged, RocksDbOptions owner) {
    Binding closed() {
      return new Binding(config, memtablesCharged, null);
    }
  }

  /**
   * {@code owner} made {@code cache}. While the options are open, the binding refers to them (and
   * so to the cache); {@link #cacheClosed} replaces it with one that does not, so the entry can go
   * once nobody holds the cache object.
   */
  static void cacheMade(Cache cache, Binding binding) {
    BY_CACHE.put(cache, binding);
  }

  /** The options that made {@code cache} are closing. */
  static void cacheClosed(Cache cache) {
    BY_CACHE.computeIfPresent(cache, (key, binding) -> binding.closed());
  }

  /** The options behind a shared cache made by {@link RocksDbOptions}, if {@code cache} is one. */
  static Optional<Binding> bindingOf(Cache cache) {
    return Optional.ofNullable(BY_CACHE.get(cache));
  }

  static void watchStarted(DatabaseWatch watch) {
    LIVE.add(watch);
  }

  static void watchStopped(DatabaseWatch watch) {
    LIVE.remove(watch);
  }

  static boolean isLive(DatabaseWatch watch) {
    return LIVE.contains(watch);
  }

  /**
   * A flush of {@code jobDb} began (inside the flush job): every live watch of that database
   * samples it through {@code jobDb}. A watch whose own database object was closed is skipped and
   * leaves the live watches (a database opened later may live at the same address).
   */
  static void flushBegan(RocksDB jobDb) {
    long jobHandle = jobDb.getNativeHandle();
    MemoryAccountant accountant = null;
    for (DatabaseWatch watch : LIVE) {
      if (!watch.watchesFlushOf(jobHandle)) {
        continue;
      }
      if (accountant == null) {
        accountant = MemoryAccountant.inFlushJob(jobDb, watch.memtablesCharged());
      }
      watch.sampleInFlushJob(accountant);
    }
  }

  /**
   * The listener of one {@link RocksDbOptions}: samples when memtables are at their fullest (see
   * the class comment), and counts the flushes its options' {@link StallWatch} watches.
   */
  static final class FullMemtableListener extends AbstractEventListener {

    private final CopyOnWriteArrayList<Runnable> tasks = new CopyOnWriteArrayList<>();
    private final AtomicLong flushEvents = new AtomicLong();

    FullMemtableListener() {
      super(
          EnabledEventCallback.ON_MEMTABLE_SEALED,
          EnabledEventCallback.ON_FLUSH_BEGIN,
          EnabledEventCallback.ON_FLUSH_COMPLETED);
    }

    /** A store's sampling task, run at every memtable seal and flush begin. */
    void add(Runnable task) {
      tasks.addIfAbsent(task);
    }

    @Override
    public void onMemTableSealed(MemTableInfo info) {
      runTasks();
    }

    /** Flushes begun and completed in every database opened with these options. */
    long flushEvents() {
      return flushEvents.get();
    }

    @Override
    public void onFlushCompleted(RocksDB db, FlushJobInfo info) {
      flushEvents.incrementAndGet();
      CallbackDatabases.release(db);
    }

    @Override
    public void onFlushBegin(RocksDB db, FlushJobInfo info) {
      flushEvents.incrementAndGet();
      try {
        flushBegan(db);
      } catch (Throwable e) {
        // Never into RocksDB's flush thread.
      }
      runTasks();
      CallbackDatabases.release(db);
    }

    private void runTasks() {
      for (Runnable task : tasks) {
        try {
          task.run();
        } catch (Throwable e) {
          // A failed sample must not reach RocksDB's thread.
        }
      }
    }
  }
}

package org.kalamdb.store;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Keeps the calls of one {@link KalamStore} apart from its close, so that nothing touches a native
 * object after it is freed. Calls run concurrently under the read lock and throw {@link
 * IllegalStateException} once the store is closed; column family creation, drop and close take the
 * write lock, so they wait for calls in flight and calls wait for them. A thread that holds the
 * read lock (a scan callback) is refused the write lock, which it would wait for forever.
 */
final class CloseGuard {

  private final String storeName;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean closed;

  CloseGuard(String storeName) {
    this.storeName = storeName;
  }

  /** Runs {@code call} under the read lock on an open store. */
  <T> T whileOpen(Supplier<T> call) {
    lock.readLock().lock();
    try {
      ensureOpen();
      return call.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Runs {@code change} under the write lock on an open store; when it returns true, then {@code
   * thenShared} under the read lock, downgraded without a gap: no other change runs in between,
   * while reads and writes go on.
   *
   * @param what the public call, for the refusal inside a scan callback
   */
  void exclusive(String what, BooleanSupplier change, Runnable thenShared) {
    refuseInsideCall(what);
    lock.writeLock().lock();
    boolean writeLocked = true;
    try {
      ensureOpen();
      if (!change.getAsBoolean()) {
        return;
      }
      // Downgrade: the read lock keeps every handle open (drop and close need the write lock).
      lock.readLock().lock();
      lock.writeLock().unlock();
      writeLocked = false;
      try {
        thenShared.run();
      } finally {
        lock.readLock().unlock();
      }
    } finally {
      if (writeLocked) {
        lock.writeLock().unlock();
      }
    }
  }

  /**
   * Runs {@code task} under the read lock on an open store if the lock is free now; skips it
   * otherwise rather than queue behind a close, creation or drop (in RocksDB's listener, waiting
   * could deadlock with a close that waits for the flush running the listener).
   */
  void ifFreeAndOpen(Runnable task) {
    if (!lock.readLock().tryLock()) {
      return;
    }
    try {
      if (!closed) {
        task.run();
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Under the write lock, once: {@code lastUse} on the open store, then the store is closed and
   * {@code free} frees it. Later calls do nothing.
   */
  void closeOnce(Runnable lastUse, Runnable free) {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      lastUse.run();
      closed = true;
      free.run();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The write lock held by the caller's own scan callback would deadlock: refuse instead. */
  void refuseInsideCall(String what) {
    if (lock.getReadHoldCount() > 0) {
      throw new IllegalStateException(
          what + " called from inside a call on store " + storeName + " (e.g. a scan callback)");
    }
  }

  boolean isClosed() {
    return closed;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("store " + storeName + " is closed");
    }
  }
}

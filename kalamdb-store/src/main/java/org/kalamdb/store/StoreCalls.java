package org.kalamdb.store;

import org.rocksdb.RocksDBException;

/**
 * Runs the reads and writes of one {@link KalamStore}: under its {@link CloseGuard}'s read lock on
 * an open store, only while the database is open (its user may close it through {@code db()}), and
 * with RocksDB's checked exception turned into the store's {@link StoreException}.
 */
final class StoreCalls {

  /** A RocksDB call that may throw the checked {@link RocksDBException}. */
  @FunctionalInterface
  interface NativeCall<T> {
    T call() throws RocksDBException;
  }

  /** A RocksDB call with no result that may throw the checked {@link RocksDBException}. */
  @FunctionalInterface
  interface NativeAction {
    void run() throws RocksDBException;
  }

  private final CloseGuard guard;
  private final StoreHandles handles;

  StoreCalls(CloseGuard guard, StoreHandles handles) {
    this.guard = guard;
    this.handles = handles;
  }

  /**
   * The result of {@code call}; {@code what} names it in the {@link StoreException} when RocksDB
   * fails, e.g. {@code put into column family 'users'}.
   */
  <T> T get(String what, NativeCall<T> call) {
    return guard.whileOpen(
        () -> {
          handles.requireDatabaseOpen();
          try {
            return call.call();
          } catch (RocksDBException e) {
            throw handles.failure(what + " failed", e);
          }
        });
  }

  /** {@link #get} for a call with no result: a write, a scan, a flush. */
  void run(String what, NativeAction action) {
    get(
        what,
        () -> {
          action.run();
          return null;
        });
  }
}

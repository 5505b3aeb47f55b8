package org.kalamdb.store;

import java.util.List;
import org.kalamdb.config.RocksDbConfig;
import org.rocksdb.RocksDBException;

/**
 * Hard-cap mode: keeps the arena blocks of one {@link KalamStore}'s column families sized for the
 * live count as families are created and dropped at run time. A family created at run time gets the
 * block size for the new count from its options; each creation then resizes the blocks of the
 * families sized longest ago ({@link ArenaSizes} picks them), after the store's write lock is
 * released (under the read lock), so reads and writes go on meanwhile. Without a cap it only keeps
 * the bookkeeping. The store calls it under its {@link CloseGuard}.
 */
final class ArenaResizing {

  private final StoreHandles handles;
  private final RocksDbConfig config;
  private final ArenaSizes sizes = new ArenaSizes();

  /** Starts from the families {@code handles} opened with, each sized for their count. */
  ArenaResizing(StoreHandles handles) {
    this.handles = handles;
    this.config = handles.options().config();
    List<String> names = handles.families().names();
    for (String name : names) {
      sizes.sized(name, names.size());
    }
  }

  /**
   * Records the block size of {@code name}, just created under the write lock; returns whether
   * other families are now due a resize ({@link #resizeStale}), i.e. whether the store has a cap.
   */
  boolean created(String name) {
    if (!config.hasMemtableLimit()) {
      return false;
    }
    sizes.sized(name, handles.families().size());
    return true;
  }

  /**
   * Resizes the families due after the creation of {@code created}, under the read lock.
   *
   * @throws StoreException when RocksDB cannot change a family's options
   */
  void resizeStale(String created) {
    try {
      sizes.resizeStale(config, handles.db(), handles.families().handles());
    } catch (RocksDBException e) {
      throw handles.failure(
          "created column family '" + created + "' but cannot resize arena blocks", e);
    }
  }

  /** Forgets a family dropped under the write lock. */
  void dropped(String name) {
    sizes.forget(name);
  }
}

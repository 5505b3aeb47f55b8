package org.kalamdb.kafka;

import org.kalamdb.store.CallbackDatabases;
import org.rocksdb.AbstractEventListener;
import org.rocksdb.FlushJobInfo;
import org.rocksdb.RocksDB;

/**
 * Reads a database's memory figures when a flush begins (memtables at their fullest) and when it
 * completes, and leaves them in its {@link StoreEntry}. The only place the toolkit calls a database
 * Kafka owns: RocksDB runs these callbacks inside the flush job, and closing a database waits for
 * its flush jobs, so the database is alive for the whole call, whichever thread closes it. Nothing
 * thrown here may reach RocksDB's thread.
 */
final class FlushFigures extends AbstractEventListener {

  private final StoreEntry entry;

  FlushFigures(StoreEntry entry) {
    super(EnabledEventCallback.ON_FLUSH_BEGIN, EnabledEventCallback.ON_FLUSH_COMPLETED);
    this.entry = entry;
  }

  @Override
  public void onFlushBegin(RocksDB db, FlushJobInfo info) {
    read(db);
  }

  @Override
  public void onFlushCompleted(RocksDB db, FlushJobInfo info) {
    read(db);
  }

  private void read(RocksDB db) {
    try {
      entry.record(
          new StoreFigures(
              entry.storeName(),
              db.getAggregatedLongProperty("rocksdb.cur-size-active-mem-table"),
              db.getAggregatedLongProperty("rocksdb.cur-size-all-mem-tables"),
              db.getAggregatedLongProperty("rocksdb.size-all-mem-tables"),
              db.getAggregatedLongProperty("rocksdb.estimate-table-readers-mem")));
    } catch (Throwable e) {
      // A failed reading leaves the previous figures; never into RocksDB's flush thread.
    } finally {
      CallbackDatabases.release(db);
    }
  }
}

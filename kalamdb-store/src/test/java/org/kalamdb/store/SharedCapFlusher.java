package org.kalamdb.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.kalamdb.config.RocksDbConfig;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Prototype for issue 14's "no stall without end": a thread that, when the memtables of all
 * databases sharing one write buffer manager near its limit, flushes the databases holding the
 * most, so a writer stalled by the manager is freed by memory other databases held. The harness
 * owns the databases (none closes while this runs).
 */
final class SharedCapFlusher implements AutoCloseable {

  private static final long MIN_ACTIVE_BYTES = 64 << 10;

  private final List<RocksDB> dbs;
  private final long limit;
  private final Thread thread;
  private final AtomicLong flushes = new AtomicLong();
  private volatile boolean stop;

  private SharedCapFlusher(RocksDbConfig config, List<RocksDB> dbs) {
    this.dbs = List.copyOf(dbs);
    this.limit = config.memtableLimitBytes();
    this.thread = new Thread(this::run, "kalamdb-shared-cap-flusher");
    this.thread.setDaemon(true);
  }

  static SharedCapFlusher start(RocksDbOptions opts, List<RocksDB> dbs) {
    SharedCapFlusher flusher = new SharedCapFlusher(opts.config(), dbs);
    flusher.thread.start();
    return flusher;
  }

  long flushes() {
    return flushes.get();
  }

  private record Held(RocksDB db, long active) {}

  private void run() {
    try (FlushOptions noWait = new FlushOptions().setWaitForFlush(false)) {
      while (!stop) {
        long total = 0;
        List<Held> held = new ArrayList<>();
        for (RocksDB db : dbs) {
          total += db.getLongProperty("rocksdb.size-all-mem-tables");
          long active = db.getLongProperty("rocksdb.cur-size-active-mem-table");
          if (active >= MIN_ACTIVE_BYTES) {
            held.add(new Held(db, active));
          }
        }
        if (total >= limit * 3 / 4) {
          held.sort(Comparator.comparingLong(Held::active).reversed());
          long toFree = total - limit / 2;
          for (Held h : held) {
            if (toFree <= 0) {
              break;
            }
            h.db().flush(noWait);
            flushes.incrementAndGet();
            toFree -= h.active();
          }
        }
        Thread.sleep(2);
      }
    } catch (RocksDBException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    stop = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

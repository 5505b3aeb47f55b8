package org.kalamdb.junit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.store.RocksDbOptions;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * A database opened the way an application opens its own, with {@link RocksDbOptions}, and closed
 * in the order RocksDB wants: handles, database, options. For the {@link MemoryWatch} tests.
 */
final class ApplicationDatabase implements AutoCloseable {
  private static final byte[] VALUE = new byte[4096];

  final RocksDbOptions options;
  final RocksDB db;
  final List<ColumnFamilyHandle> handles;
  private boolean closed;

  private ApplicationDatabase(
      RocksDbOptions options, RocksDB db, List<ColumnFamilyHandle> handles) {
    this.options = options;
    this.db = db;
    this.handles = handles;
  }

  /** Opens (creating) a database in {@code dir} with {@code default} and the families named. */
  static ApplicationDatabase open(Path dir, RocksDbConfig config, String... families)
      throws RocksDBException {
    List<String> names = new ArrayList<>(List.of("default"));
    names.addAll(List.of(families));
    RocksDbOptions options = RocksDbOptions.from(config);
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      RocksDB db =
          RocksDB.open(options.dbOptions(), dir.toString(), options.descriptors(names), handles);
      return new ApplicationDatabase(options, db, handles);
    } catch (RocksDBException | RuntimeException e) {
      options.close();
      throw e;
    }
  }

  /** Writes about {@code mb} MB into the column family at {@code index} (0 is default). */
  void fill(int index, int mb) throws RocksDBException {
    for (int i = 0; i < mb * 256; i++) {
      db.put(handles.get(index), ("k" + i).getBytes(StandardCharsets.UTF_8), VALUE);
    }
  }

  /** Flushes every memtable to disk and waits, so that memory goes down again. */
  void flush() throws RocksDBException {
    try (FlushOptions wait = new FlushOptions().setWaitForFlush(true)) {
      db.flush(wait, handles);
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    handles.forEach(ColumnFamilyHandle::close);
    db.close();
    options.close();
  }
}

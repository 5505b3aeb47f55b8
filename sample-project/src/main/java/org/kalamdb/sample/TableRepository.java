package org.kalamdb.sample;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.store.RocksDbOptions;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * The same tables as {@link TableStore}, written the way many applications already are: the
 * repository opens RocksDB itself (its own "rocksdb init" code, as in the seed report's server) and
 * only takes its options from the checked config, through {@link RocksDbOptions}. Each table is a
 * column family, so creating a table is where memory grows; the tests put this database under a
 * budget with {@code MemoryWatch}.
 *
 * <p>Not thread safe for {@link #createTable} against other calls; enough for a sample.
 */
public final class TableRepository implements AutoCloseable {
  private final RocksDbOptions options;
  private final RocksDB db;
  private final WriteOptions writeOptions;
  private final Map<String, ColumnFamilyHandle> tables = new LinkedHashMap<>();
  private final List<ColumnFamilyHandle> handles;

  private TableRepository(RocksDbOptions options, RocksDB db, List<ColumnFamilyHandle> handles) {
    this.options = options;
    this.db = db;
    this.handles = handles;
    this.writeOptions = options.writeOptions();
  }

  /**
   * Opens (or creates) the repository in {@code dir}: the production init code, options from the
   * config, everything else plain rocksdbjni.
   */
  public static TableRepository open(Path dir, RocksDbConfig config) throws RocksDBException {
    RocksDbOptions options = RocksDbOptions.from(config);
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      RocksDB db =
          RocksDB.open(
              options.dbOptions(),
              dir.toString(),
              options.descriptors(List.of("default")),
              handles);
      return new TableRepository(options, db, handles);
    } catch (RocksDBException | RuntimeException e) {
      options.close();
      throw e;
    }
  }

  /** Creates an empty table: a column family with the config's options for it. */
  public void createTable(String table) throws RocksDBException {
    ColumnFamilyHandle handle =
        db.createColumnFamily(
            new ColumnFamilyDescriptor(table.getBytes(UTF_8), options.columnFamilyOptions(table)));
    handles.add(handle);
    tables.put(table, handle);
  }

  /** Writes one row. */
  public void put(String table, String key, String value) throws RocksDBException {
    db.put(handle(table), writeOptions, key.getBytes(UTF_8), value.getBytes(UTF_8));
  }

  /** Reads one row. */
  public Optional<String> get(String table, String key) throws RocksDBException {
    byte[] value = db.get(handle(table), key.getBytes(UTF_8));
    return Optional.ofNullable(value).map(v -> new String(v, UTF_8));
  }

  /** The tables, in creation order. */
  public List<String> tables() {
    return List.copyOf(tables.keySet());
  }

  /** The database, for a test's {@code MemoryWatch}. */
  public RocksDB db() {
    return db;
  }

  /** The cache every column family shares, for a test's {@code MemoryWatch}. */
  public Cache cache() {
    return options.cache();
  }

  private ColumnFamilyHandle handle(String table) {
    ColumnFamilyHandle handle = tables.get(table);
    if (handle == null) {
      throw new IllegalArgumentException("no table '" + table + "'; tables: " + tables.keySet());
    }
    return handle;
  }

  /** Closes the handles, then the database, then the options: the order RocksDB needs. */
  @Override
  public void close() {
    handles.forEach(ColumnFamilyHandle::close);
    db.close();
    options.close();
  }
}

package org.kalamdb.sample;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.store.KalamStore;

/**
 * A small table store written the way an application would: each table is a column family of one
 * {@link KalamStore}, so creating a table is creating a column family, which is exactly where
 * RocksDB's memory grows with the table count.
 *
 * <p>Keys and values are strings; rows of a table come back in key order.
 */
public final class TableStore implements AutoCloseable {
  /** Column families of tables carry this prefix, so they never collide with system ones. */
  static final String TABLE_PREFIX = "table.";

  private final KalamStore store;

  /** Wraps an open store; the table store closes it. */
  public TableStore(KalamStore store) {
    this.store = store;
  }

  /** Opens the store in {@code dir} with the given {@code [rocksdb]} settings. */
  public static TableStore open(Path dir, RocksDbConfig config) {
    return new TableStore(KalamStore.open(dir, config, List.of()));
  }

  /** Creates an empty table. */
  public void createTable(String table) {
    store.createColumnFamily(columnFamily(table));
  }

  /** Drops a table and its rows. */
  public void dropTable(String table) {
    store.dropColumnFamily(columnFamily(table));
  }

  /** The tables, in no particular order. */
  public List<String> tables() {
    List<String> tables = new ArrayList<>();
    for (String name : store.columnFamilyNames()) {
      if (name.startsWith(TABLE_PREFIX)) {
        tables.add(name.substring(TABLE_PREFIX.length()));
      }
    }
    return tables;
  }

  /** Writes one row. */
  public void put(String table, String key, String value) {
    store.put(columnFamily(table), key.getBytes(UTF_8), value.getBytes(UTF_8));
  }

  /** Reads one row. */
  public Optional<String> get(String table, String key) {
    byte[] value = store.get(columnFamily(table), key.getBytes(UTF_8));
    return value == null ? Optional.empty() : Optional.of(new String(value, UTF_8));
  }

  /** Every row of a table whose key starts with {@code prefix}, in key order. */
  public List<Map.Entry<String, String>> scan(String table, String prefix) {
    List<Map.Entry<String, String>> rows = new ArrayList<>();
    store.scanPrefix(
        columnFamily(table),
        prefix.getBytes(UTF_8),
        (key, value) -> rows.add(Map.entry(new String(key, UTF_8), new String(value, UTF_8))));
    return rows;
  }

  /** The store underneath, for memory figures and anything else. */
  public KalamStore store() {
    return store;
  }

  @Override
  public void close() {
    store.close();
  }

  private static String columnFamily(String table) {
    if (table == null || table.isEmpty()) {
      throw new IllegalArgumentException("a table needs a name");
    }
    return TABLE_PREFIX + table;
  }
}

package org.kalamdb.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * The open column families of one store by name, each with the handle and options it owns. Not
 * thread safe by itself: {@link KalamStore} reads it under its read lock and changes it only under
 * its write lock.
 */
final class ColumnFamilies {

  /** The name RocksDB gives the column family every database has. */
  static final String DEFAULT = new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8);

  /**
   * The column families the files of the database at {@code path} list, read by RocksDB without
   * opening it: the families a store reopens, and the count a watch (which has no handles) reports.
   */
  static List<String> listedIn(String path) throws RocksDBException {
    try (Options listing = new Options()) {
      List<String> names = new ArrayList<>();
      for (byte[] name : RocksDB.listColumnFamilies(listing, path)) {
        names.add(new String(name, StandardCharsets.UTF_8));
      }
      return names;
    }
  }

  private record Entry(ColumnFamilyHandle handle, ColumnFamilyOptions options) {}

  private final Map<String, Entry> byName = new LinkedHashMap<>();
  private final Map<String, ColumnFamilyHandle> handles = new LinkedHashMap<>();
  private final Map<String, ColumnFamilyHandle> handlesView = Collections.unmodifiableMap(handles);

  void add(String name, ColumnFamilyHandle handle, ColumnFamilyOptions options) {
    byName.put(name, new Entry(handle, options));
    handles.put(name, handle);
  }

  boolean contains(String name) {
    return byName.containsKey(name);
  }

  int size() {
    return byName.size();
  }

  /** The handle of {@code name}; throws naming the known column families when there is none. */
  ColumnFamilyHandle handle(String name) {
    Entry entry = name == null ? null : byName.get(name);
    if (entry == null) {
      throw new IllegalArgumentException(
          "unknown column family '" + name + "'; known: " + String.join(", ", byName.keySet()));
    }
    return entry.handle();
  }

  ColumnFamilyOptions options(String name) {
    handle(name);
    return byName.get(name).options();
  }

  /** Live, read-only view of name to handle, in opening order. */
  Map<String, ColumnFamilyHandle> handles() {
    return handlesView;
  }

  List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** Forgets {@code name}; the caller closes what it owned. */
  void remove(String name) {
    byName.remove(name);
    handles.remove(name);
  }

  /** Closes every handle once (before the database is closed) and forgets them all. */
  void closeHandles() {
    List<Entry> entries = new ArrayList<>(byName.values());
    byName.clear();
    handles.clear();
    for (Entry entry : entries) {
      entry.handle().close();
    }
  }
}

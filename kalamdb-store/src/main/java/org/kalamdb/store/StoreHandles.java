package org.kalamdb.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.ServerLayout;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * The native objects of one {@link KalamStore}: opens them in order (options, directory, database
 * with its column families, write options) and frees what was opened when a step fails; opens and
 * closes the handles of column families created and dropped at run time; hands out the database and
 * a handle only while their user has not closed them (a native call on a closed one crashes the
 * JVM); frees everything once, handles first. Not thread safe by itself: the store calls it under
 * its {@link CloseGuard}.
 */
final class StoreHandles {

  private final Path directory;
  private final String storeName;
  private final RocksDbOptions options;
  private final RocksDB db;
  private final ColumnFamilies families;
  private final WriteOptions writeOptions;

  private StoreHandles(
      Path directory,
      RocksDbOptions options,
      RocksDB db,
      ColumnFamilies families,
      WriteOptions writeOptions) {
    this.directory = directory;
    this.storeName =
        options.storage() == Storage.MEMORY
            ? directory + " (storage memory)"
            : directory.toString();
    this.options = options;
    this.db = db;
    this.families = families;
    this.writeOptions = writeOptions;
  }

  /**
   * Opens the database in {@code dir} with the options {@code newOptions} makes (called once the
   * names are valid), creating the directory and any missing column family, and opening those on
   * disk too; a kalamdb-server config adds the server's column families.
   *
   * @throws IllegalArgumentException for a null, empty or duplicate name
   * @throws StoreException when RocksDB cannot open the store; nothing is left open
   */
  static StoreHandles open(
      Path dir,
      List<String> columnFamilies,
      WriteAheadLog wal,
      Supplier<RocksDbOptions> newOptions) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(wal, "wal");
    List<String> requested = validateNames(columnFamilies);
    RocksDB.loadLibrary();
    RocksDbOptions options = newOptions.get();
    Set<String> names = new LinkedHashSet<>();
    names.add(ColumnFamilies.DEFAULT);
    if (options.config().dialect() == Dialect.KALAMDB_SERVER) {
      // The database a server runs: its six column families, whatever else is asked for.
      names.addAll(ServerLayout.COLUMN_FAMILIES);
    }
    names.addAll(requested);
    boolean onDisk = options.storage() == Storage.DISK;
    if (onDisk) {
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        options.close();
        throw new StoreException("cannot create store directory " + dir + ": " + e, e);
      }
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    WriteOptions writeOptions = null;
    RocksDB db = null;
    try {
      if (onDisk && Files.exists(dir.resolve("CURRENT"))) {
        // A memory store starts in an empty file system of its own: nothing to reopen.
        names.addAll(ColumnFamilies.listedIn(dir.toString()));
      }
      List<ColumnFamilyDescriptor> descriptors = options.descriptors(names);
      db = RocksDB.open(options.dbOptions(), dir.toString(), descriptors, handles);
      writeOptions = options.newWriteOptions(wal);
      if (options.compactOnStartup()) {
        // compact_on_startup: as the server does, before the first read or write.
        for (ColumnFamilyHandle handle : handles) {
          db.compactRange(handle);
        }
      }
      ColumnFamilies families = new ColumnFamilies();
      int i = 0;
      for (String name : names) {
        families.add(name, handles.get(i), descriptors.get(i).getOptions());
        i++;
      }
      return new StoreHandles(dir, options, db, families, writeOptions);
    } catch (RocksDBException | RuntimeException e) {
      for (ColumnFamilyHandle handle : handles) {
        handle.close();
      }
      if (db != null) {
        db.close();
      }
      if (writeOptions != null) {
        writeOptions.close();
      }
      options.close();
      if (e instanceof RocksDBException) {
        throw new StoreException("cannot open store at " + dir + ": " + e.getMessage(), e);
      }
      throw (RuntimeException) e;
    }
  }

  private static List<String> validateNames(List<String> columnFamilies) {
    if (columnFamilies == null) {
      throw new IllegalArgumentException("column family list must not be null");
    }
    Set<String> seen = new HashSet<>();
    for (String name : columnFamilies) {
      ColumnFamilyName.require(name);
      if (!seen.add(name)) {
        throw new IllegalArgumentException("duplicate column family name '" + name + "'");
      }
    }
    return List.copyOf(columnFamilies);
  }

  /** The store as messages name it: its directory, and {@code (storage memory)} in memory. */
  String storeName() {
    return storeName;
  }

  Path directory() {
    return directory;
  }

  RocksDbOptions options() {
    return options;
  }

  /** The database, unchecked: call {@link #requireDatabaseOpen()} first where it matters. */
  RocksDB db() {
    return db;
  }

  WriteOptions writeOptions() {
    return writeOptions;
  }

  ColumnFamilies families() {
    return families;
  }

  /** Whether the database is open, i.e. its user did not close it through {@code db()}. */
  boolean databaseOpen() {
    return db.isOwningHandle();
  }

  // A user may close db() or a handle; a native call on it would crash the JVM, so refuse first.
  void requireDatabaseOpen() {
    if (!databaseOpen()) {
      throw new IllegalStateException(
          "the database of store "
              + storeName
              + " was closed through db().close(); close the store instead");
    }
  }

  /** The handle of an open family, refused when its user closed it; call after the db check. */
  ColumnFamilyHandle openHandle(String name) {
    ColumnFamilyHandle handle = families.handle(name);
    if (!handle.isOwningHandle()) {
      throw new IllegalStateException(
          "the handle of column family '"
              + name
              + "' of store "
              + storeName
              + " was closed by its user; handles from columnFamily() belong to the store");
    }
    return handle;
  }

  /** The handle of every open family, in opening order; refused as {@link #openHandle} is. */
  List<ColumnFamilyHandle> openHandles() {
    List<ColumnFamilyHandle> all = new ArrayList<>();
    for (String name : families.names()) {
      all.add(openHandle(name));
    }
    return all;
  }

  /** Creates the column family {@code name} with the options of its profile, and opens it. */
  void create(String name) {
    requireDatabaseOpen();
    if (families.contains(name)) {
      throw new IllegalArgumentException(
          "column family '" + name + "' already exists in store " + storeName);
    }
    // Arena blocks for families.size() + 1: the live count, dropped families' options released.
    ColumnFamilyOptions cfOptions = options.columnFamilyOptions(name);
    try {
      ColumnFamilyHandle handle =
          db.createColumnFamily(
              new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), cfOptions));
      families.add(name, handle, cfOptions);
    } catch (RocksDBException e) {
      options.release(cfOptions);
      throw failure("cannot create column family '" + name + "'", e);
    }
  }

  /** Drops the column family {@code name} with its data, and closes its handle and options. */
  void drop(String name) {
    requireDatabaseOpen();
    if (ColumnFamilies.DEFAULT.equals(name)) {
      throw new IllegalArgumentException("the default column family cannot be dropped");
    }
    ColumnFamilyHandle handle = openHandle(name);
    ColumnFamilyOptions cfOptions = families.options(name);
    try {
      db.dropColumnFamily(handle);
    } catch (RocksDBException e) {
      throw failure("cannot drop column family '" + name + "'", e);
    }
    families.remove(name);
    handle.close();
    options.release(cfOptions);
  }

  /** RocksDB's exception as this store's: {@code WHAT in store DIR: REASON}. */
  StoreException failure(String what, RocksDBException e) {
    return new StoreException(what + " in store " + storeName + ": " + e.getMessage(), e);
  }

  /**
   * Frees every native object once: column family handles, the database (which flushes memtables
   * holding unlogged writes), write options, then the options (cache, write buffer manager, a
   * memory store's file system). Handles or a database their user closed are not closed again.
   */
  void close() {
    try {
      families.closeHandles();
    } finally {
      try {
        db.close();
      } finally {
        writeOptions.close();
        options.close();
      }
    }
  }
}

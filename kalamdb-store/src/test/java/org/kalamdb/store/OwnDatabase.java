package org.kalamdb.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * A database an application opened itself with {@link RocksDbOptions}, the way the class comment
 * shows; closes its handles, then the database.
 */
final class OwnDatabase implements AutoCloseable {

  final RocksDB db;
  final List<ColumnFamilyHandle> handles = new ArrayList<>();
  final List<String> names;

  OwnDatabase(RocksDbOptions opts, Path dir, List<String> names) throws RocksDBException {
    this(opts, dir, names, opts.descriptors(names));
  }

  /** With the arena block size for {@code sharing} column families under one cap. */
  static OwnDatabase sharingTheCap(RocksDbOptions opts, Path dir, List<String> names, int sharing)
      throws RocksDBException {
    List<ColumnFamilyDescriptor> descriptors = opts.descriptors(names);
    long arena = RocksDbOptions.arenaBlockSize(opts.config(), sharing);
    descriptors.forEach(d -> d.getOptions().setArenaBlockSize(arena));
    return new OwnDatabase(opts, dir, names, descriptors);
  }

  private OwnDatabase(
      RocksDbOptions opts, Path dir, List<String> names, List<ColumnFamilyDescriptor> descriptors)
      throws RocksDBException {
    this.names = List.copyOf(names);
    this.db = RocksDB.open(opts.dbOptions(), dir.toString(), descriptors, handles);
  }

  ColumnFamilyHandle handle(String name) {
    return handles.get(names.indexOf(name));
  }

  void put(String family, byte[] key, byte[] value) throws RocksDBException {
    db.put(handle(family), key, value);
  }

  static byte[] bytes(String name) {
    return name.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    handles.forEach(ColumnFamilyHandle::close);
    db.close();
  }
}

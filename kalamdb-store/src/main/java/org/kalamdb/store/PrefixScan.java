package org.kalamdb.store;

import java.util.Arrays;
import java.util.function.BiConsumer;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * One pass over the keys of a column family that start with a prefix, in key order (unsigned
 * bytewise): seeks to the prefix and stops at the first key without it, so a scan reads no key
 * beyond its range. The empty prefix visits every key.
 */
final class PrefixScan {
  private PrefixScan() {}

  /**
   * Calls {@code visitor} with each key starting with {@code prefix} and its value.
   *
   * @throws RocksDBException when the iterator ends on an error rather than at the end of the data
   */
  static void run(
      RocksDB db, ColumnFamilyHandle family, byte[] prefix, BiConsumer<byte[], byte[]> visitor)
      throws RocksDBException {
    try (RocksIterator it = db.newIterator(family)) {
      for (it.seek(prefix); it.isValid(); it.next()) {
        byte[] key = it.key();
        if (!startsWith(key, prefix)) {
          break;
        }
        visitor.accept(key, it.value());
      }
      it.status();
    }
  }

  private static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }
}

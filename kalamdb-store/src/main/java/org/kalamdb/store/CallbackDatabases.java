package org.kalamdb.store;

import java.lang.reflect.Field;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;

/**
 * Frees what rocksdbjni allocates for the database object it passes to a listener callback ({@code
 * onFlushBegin(RocksDB db, ...)} and the like). The binding wraps the database in a new {@link
 * RocksDB} object for every such call, and that object's constructor allocates a native {@code
 * ReadOptions} that nothing frees (rocksdb#15036, in rocksdbjni 10.1.3 and 11.8.1): a few hundred
 * bytes lost per callback, outside RocksDB's accounting, growing with every flush. A listener that
 * receives a database calls {@link #release} on it when it returns.
 */
public final class CallbackDatabases {

  // The wrapper's private field, where this rocksdbjni has it; null where it has not (nothing to
  // free) or where reflection is refused (then the allocation stays lost, as without this class).
  private static final Field DEFAULT_READ_OPTIONS = defaultReadOptions();

  private CallbackDatabases() {}

  /**
   * Frees the native read options of {@code callbackDatabase}, the object a callback received; it
   * must not be used for reads afterwards (a callback's object never is). The database itself is
   * untouched. Never throws.
   */
  public static void release(RocksDB callbackDatabase) {
    if (DEFAULT_READ_OPTIONS == null || callbackDatabase == null) {
      return;
    }
    try {
      Object options = DEFAULT_READ_OPTIONS.get(callbackDatabase);
      if (options instanceof ReadOptions readOptions) {
        readOptions.close();
      }
    } catch (IllegalAccessException | RuntimeException e) {
      // Left as the binding made it.
    }
  }

  private static Field defaultReadOptions() {
    try {
      Field field = RocksDB.class.getDeclaredField("defaultReadOptions_");
      field.setAccessible(true);
      return field.getType() == ReadOptions.class ? field : null;
    } catch (NoSuchFieldException | RuntimeException e) {
      return null;
    }
  }
}

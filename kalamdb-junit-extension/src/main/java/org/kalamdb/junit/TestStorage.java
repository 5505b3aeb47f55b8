package org.kalamdb.junit;

import org.kalamdb.store.Storage;

/**
 * Where the stores of {@link KalamStoreTest#storage()} and {@link TempStore#storage()} keep their
 * files; {@link #INHERIT} (the default of both attributes) means not set there.
 */
public enum TestStorage {
  /** Not set here: the next place in the precedence decides, finally {@code disk}. */
  INHERIT,
  /** On disk, in a fresh directory under {@code kalamdb.store.base-dir} ({@link Storage#DISK}). */
  DISK,
  /**
   * In memory, in a RocksDB in-memory file system of the store's own that is freed when the store
   * closes ({@link Storage#MEMORY}); nothing is written to disk.
   */
  MEMORY;

  /** The store's storage, or empty for {@link #INHERIT}. */
  java.util.Optional<Storage> storage() {
    return this == INHERIT
        ? java.util.Optional.empty()
        : java.util.Optional.of(Storage.valueOf(name()));
  }
}

package org.kalamdb.store;

import java.util.List;
import java.util.Optional;
import org.kalamdb.config.ChoiceNames;

/**
 * Where a store keeps its files: on disk, or in memory for tests that need speed more than
 * durability.
 */
public enum Storage {
  /** Files in the store's directory on disk; the default. */
  DISK,

  /**
   * Files in a RocksDB in-memory file system ({@link org.rocksdb.RocksMemEnv}) of the store's own,
   * freed when the store is closed; nothing is written to disk and the store's directory is only a
   * name inside that file system. Everything else (options, memory accounting, column families) is
   * as on disk. The files' memory is real memory of the process, reported as {@link
   * MemoryUsage#inMemoryFileBytes()}. RocksDB's in-memory environment cannot map files or do direct
   * I/O, so options asking for either are refused.
   */
  MEMORY;

  /**
   * The name users write, e.g. in {@code kalamdb.store.storage}: {@code disk} or {@code memory}.
   */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The storage whose {@link #id()} is written {@code id}, in any case and with surrounding
   * whitespace, as a dialect is named ({@link ChoiceNames}).
   */
  public static Optional<Storage> byId(String id) {
    return ChoiceNames.find(List.of(values()), Storage::id, id);
  }

  /** The ids, comma separated: {@code disk, memory}. */
  public static String knownIds() {
    return ChoiceNames.list(List.of(values()), Storage::id);
  }
}

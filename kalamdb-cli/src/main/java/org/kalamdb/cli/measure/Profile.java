package org.kalamdb.cli.measure;

import java.util.Locale;

/** The option sets {@code kalamdb measure} compares. */
public enum Profile {
  /**
   * RocksDB's own defaults, every column family with {@code new ColumnFamilyOptions()}: see {@link
   * org.kalamdb.cli.estimate.RocksDbDefaults}, opened with {@code
   * KalamStore.openWithRocksDbDefaults}.
   */
  DEFAULTS("RocksDB defaults"),
  /** The seed's settings, {@code RocksDbConfig.defaults()}: 8 MB x 2 and a shared 32 MB cache. */
  SEED("seed settings"),
  /** The {@code [rocksdb]} section of the file given with {@code --config}. */
  CONFIG("config"),
  /**
   * The seed's shape given the memory of the {@code --config} cap: no memtable cap, and each column
   * family's two write buffers sized so that all of them together hold the config's memtable limit;
   * see {@link EqualMemory}.
   */
  EQUAL("per-CF buffers, same memory");

  private final String label;

  Profile(String label) {
    this.label = label;
  }

  /**
   * The name used on the command line: {@code defaults}, {@code seed}, {@code config}, {@code
   * equal}.
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The label of the profile whose {@link #id()} is {@code id}; the id itself for any other. */
  static String labelOf(String id) {
    for (Profile p : values()) {
      if (p.id().equals(id)) {
        return p.label();
      }
    }
    return id;
  }

  /** How reports name the profile. */
  public String label() {
    return label;
  }
}

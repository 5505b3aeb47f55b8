package org.kalamdb.cli.measure;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The order of the keys {@code kalamdb measure} writes to each column family. Both orders write the
 * same 16-byte keys (column family, then a 64-bit number, big-endian) for value indexes 0, 1, 2,
 * ... in turn, so a reader can rebuild every key from its index and check its value.
 */
public enum KeyOrder {
  /**
   * The index itself: every key is greater than the one before, as with log entries or
   * auto-increment ids. Flushed files never overlap, so RocksDB moves them down the levels without
   * merging them: the most SST files, and the most table readers, per MB written.
   */
  SEQUENTIAL,
  /**
   * The index scrambled by a fixed bijective 64-bit mix: keys land all over the key space, as with
   * random (UUID-like) primary keys. Flushed files overlap and are merged by compaction.
   */
  RANDOM;

  /** The name used on the command line and in reports: {@code sequential}, {@code random}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The key of value {@code index} of column family {@code columnFamily}. */
  byte[] key(int columnFamily, long index) {
    long suffix = this == SEQUENTIAL ? index : scramble(index);
    return ByteBuffer.allocate(16).putLong(columnFamily).putLong(suffix).array();
  }

  /**
   * SplitMix64's finalizer: xor-shifts and multiplications by odd constants are each invertible, so
   * distinct indexes give distinct keys, and neighbouring indexes give unrelated ones.
   */
  static long scramble(long index) {
    long z = index + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

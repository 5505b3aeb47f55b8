package org.kalamdb.store;

/**
 * The rule every column-family name passes before it reaches RocksDB: non-empty, and valid UTF-16.
 * RocksDB stores names as UTF-8 bytes, and Java encodes an unpaired surrogate as {@code ?}, so a
 * name holding a lone U+D800 would silently become the same column family as {@code "?"}.
 */
final class ColumnFamilyName {
  private ColumnFamilyName() {}

  /**
   * Returns {@code name} when it is usable.
   *
   * @throws IllegalArgumentException for a null or empty name, or one with an unpaired surrogate
   *     (naming its index)
   */
  static String require(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException(
          "column family name must be a non-empty string, got " + (name == null ? "null" : "\"\""));
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < name.length()
          && Character.isLowSurrogate(name.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            String.format(
                "column family name is not valid UTF-16: unpaired surrogate U+%04X at index %d",
                (int) c, i));
      }
    }
    return name;
  }
}

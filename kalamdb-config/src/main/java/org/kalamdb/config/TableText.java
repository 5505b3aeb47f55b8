package org.kalamdb.config;

import java.util.List;

/**
 * One table of the section as the writer writes it: its header path and its keys in order, each
 * with the comment that explains it. Rendering a whole section and adding a missing key to a user's
 * table both read this, so an added key comes with the same words as a generated one.
 *
 * @param path the table's path, e.g. {@code [storage, rocksdb]}
 * @param keys the keys in the order they are written
 */
record TableText(List<String> path, List<Key> keys) {

  /**
   * One key line.
   *
   * @param name the key as written in TOML
   * @param value the value as a TOML literal
   * @param comment the line written above it when it is added on its own
   * @param rendered whether a full render writes the comment (a shared comment covers some keys)
   */
  record Key(String name, String value, String comment, boolean rendered) {
    static Key commented(String name, Object value, String comment) {
      return new Key(name, String.valueOf(value), comment, true);
    }
  }

  String header() {
    return "[" + String.join(".", path) + "]";
  }

  /** The tables, a blank line between two of them, each line ending with {@code eol}. */
  static String render(List<TableText> tables, String eol) {
    StringBuilder out = new StringBuilder();
    for (TableText table : tables) {
      if (out.length() > 0) {
        out.append(eol);
      }
      table.appendTo(out, eol);
    }
    return out.toString();
  }

  void appendTo(StringBuilder out, String eol) {
    out.append(header()).append(eol);
    for (Key key : keys) {
      appendKey(out, key, key.rendered(), eol);
    }
  }

  static void appendKey(StringBuilder out, Key key, boolean withComment, String eol) {
    if (withComment) {
      out.append("# ").append(key.comment()).append(eol);
    }
    out.append(key.name()).append(" = ").append(key.value()).append(eol);
  }
}

package org.kalamdb.config;

import org.tomlj.TomlPosition;

/**
 * A 1-based line and column in a file, or {@link #NONE} for "not located".
 *
 * @param line 1-based line, 0 for none
 * @param column 1-based column counted in code points, 0 for none
 */
record Location(int line, int column) {
  static final Location NONE = new Location(0, 0);

  /** tomlj's position, or {@link #NONE} when tomlj has none. */
  static Location of(TomlPosition position) {
    if (position == null) {
      return NONE;
    }
    return new Location(Math.max(1, position.line()), Math.max(1, position.column()));
  }

  Diagnostic diagnostic(String file, Severity severity, String key, String message) {
    return new Diagnostic(file, line, column, severity, key, message);
  }
}

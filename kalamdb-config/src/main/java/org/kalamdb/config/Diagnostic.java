package org.kalamdb.config;

import java.util.Objects;

/**
 * One problem found in a configuration file, located so that compilers' and IDEs' conventions link
 * it: {@code config.toml:4:1: error: unknown key ...}.
 *
 * @param file the file name as the user gave it
 * @param line 1-based line, or 0 when the problem concerns the whole file (a budget, say)
 * @param column 1-based column, or 0 when {@code line} is 0
 * @param severity error or warning
 * @param key the dotted key concerned ({@code rocksdb.write_buffer_size_mb}), or {@code null}
 * @param message what is wrong, naming the key and, where there is one, the fix
 */
public record Diagnostic(
    String file, int line, int column, Severity severity, String key, String message) {

  public Diagnostic {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    if (line < 0 || column < 0 || (line == 0 && column != 0)) {
      throw new IllegalArgumentException("bad position " + line + ":" + column);
    }
  }

  /** A located error. */
  public static Diagnostic error(String file, int line, int column, String key, String message) {
    return new Diagnostic(file, line, column, Severity.ERROR, key, message);
  }

  /** A located warning. */
  public static Diagnostic warning(String file, int line, int column, String key, String message) {
    return new Diagnostic(file, line, column, Severity.WARNING, key, message);
  }

  /** Whether this diagnostic is an error. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * The one-line form: {@code file:line:col: severity: message}, or {@code file: ...} unlocated;
   * control characters of the file name or of a key quoted in the message escaped ({@link
   * TerminalText}), since the line goes to a terminal or a build log.
   */
  public String format() {
    String where = line == 0 ? file : file + ":" + line + ":" + column;
    return TerminalText.escape(where + ": " + severity.label() + ": " + message);
  }

  @Override
  public String toString() {
    return format();
  }
}

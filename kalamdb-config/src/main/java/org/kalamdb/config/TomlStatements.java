package org.kalamdb.config;

import java.util.ArrayList;
import java.util.List;
import org.tomlj.Toml;

/**
 * Splits TOML text into statements (table headers, key-value pairs, blank and comment lines), each
 * with its exact character range including the line ending, so a writer can drop or replace some of
 * them and keep every other byte. Multi-line strings and arrays are kept inside their statement.
 * Text that is not valid TOML is still split, line by line, without failing.
 */
final class TomlStatements {

  /** What a statement is. */
  enum Kind {
    HEADER,
    KEY_VALUE,
    TRIVIA,
    OTHER
  }

  /**
   * One statement: {@code text.substring(start, end)} including its line ending.
   *
   * @param path the table path of a header or the key path of a key-value pair, else empty
   * @param valueStart where a key-value pair's value starts (after the blanks that follow its
   *     {@code =}); -1 for other statements
   * @param valueEnd where that value ends: before the blanks, trailing comment and line ending that
   *     follow it; -1 for other statements
   */
  record Statement(int start, int end, Kind kind, List<String> path, int valueStart, int valueEnd) {
    Statement(int start, int end, Kind kind, List<String> path) {
      this(start, end, kind, path, -1, -1);
    }

    boolean startsWith(String first) {
      return !path.isEmpty() && path.get(0).equals(first);
    }
  }

  private final String text;
  private int pos;

  private TomlStatements(String text) {
    this.text = text;
  }

  static List<Statement> split(String text) {
    return new TomlStatements(text).all();
  }

  private List<Statement> all() {
    List<Statement> statements = new ArrayList<>();
    while (pos < text.length()) {
      statements.add(next());
    }
    return statements;
  }

  private Statement next() {
    int start = pos;
    skipBlanks();
    if (pos >= text.length() || peek() == '#' || peek() == '\n' || startsCrLf()) {
      toLineEnd();
      return new Statement(start, pos, Kind.TRIVIA, List.of());
    }
    if (peek() == '[') {
      return header(start);
    }
    int keyStart = pos;
    int equals = findEquals();
    if (equals < 0) {
      toLineEnd();
      return new Statement(start, pos, Kind.OTHER, List.of());
    }
    List<String> key = parseKey(text.substring(keyStart, equals));
    pos = equals + 1;
    skipBlanks();
    int valueStart = pos;
    int valueEnd = value();
    return key.isEmpty()
        ? new Statement(start, pos, Kind.OTHER, key)
        : new Statement(
            start, pos, Kind.KEY_VALUE, key, valueStart, Math.max(valueStart, valueEnd));
  }

  private Statement header(int start) {
    boolean array = text.startsWith("[[", pos);
    int open = pos + (array ? 2 : 1);
    int close = open;
    while (close < text.length() && text.charAt(close) != ']' && text.charAt(close) != '\n') {
      char c = text.charAt(close);
      close = (c == '"' || c == '\'') ? endOfQuoted(close, c) : close + 1;
    }
    List<String> path = parseKey(text.substring(open, Math.min(close, text.length())));
    toLineEnd();
    return new Statement(start, pos, path.isEmpty() ? Kind.OTHER : Kind.HEADER, path);
  }

  /** The index of the {@code =} after a key that starts at {@link #pos}, or -1. */
  private int findEquals() {
    int i = pos;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '=') {
        return i;
      }
      if (c == '\n' || c == '#') {
        return -1;
      }
      i = (c == '"' || c == '\'') ? endOfQuoted(i, c) : i + 1;
    }
    return -1;
  }

  /**
   * Moves past a value, its trailing comment and its line ending.
   *
   * @return the index after the value's last character that is not a blank, comment or line end
   */
  private int value() {
    int depth = 0;
    int end = pos;
    while (pos < text.length()) {
      char c = peek();
      if (c == '\n') {
        pos++;
        if (depth == 0) {
          return end;
        }
      } else if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '#') {
        while (pos < text.length() && peek() != '\n') {
          pos++;
        }
      } else if (c == '"' || c == '\'') {
        boolean multiLine = text.startsWith(String.valueOf(c).repeat(3), pos);
        pos = multiLine ? endOfMultiLine(pos, c) : endOfQuoted(pos, c);
        end = pos;
      } else {
        if (c == '[' || c == '{') {
          depth++;
        } else if ((c == ']' || c == '}') && depth > 0) {
          depth--;
        }
        pos++;
        end = pos;
      }
    }
    return end;
  }

  /** The index after a one-line string opened at {@code open}; stops at the line end. */
  private int endOfQuoted(int open, char quote) {
    int i = open + 1;
    while (i < text.length() && text.charAt(i) != '\n') {
      char c = text.charAt(i);
      if (quote == '"' && c == '\\') {
        i += 2;
        continue;
      }
      i++;
      if (c == quote) {
        return i;
      }
    }
    return Math.min(i, text.length());
  }

  private int endOfMultiLine(int open, char quote) {
    String delimiter = String.valueOf(quote).repeat(3);
    int i = open + 3;
    while (i < text.length()) {
      if (quote == '"' && text.charAt(i) == '\\') {
        i += 2;
      } else if (text.startsWith(delimiter, i)) {
        i += 3;
        // Up to two more quotes still belong to the string: """a""""" is a"" closed.
        for (int extra = 0; extra < 2 && i < text.length() && text.charAt(i) == quote; extra++) {
          i++;
        }
        return i;
      } else {
        i++;
      }
    }
    return text.length();
  }

  private static List<String> parseKey(String key) {
    try {
      return Toml.parseDottedKey(key.strip());
    } catch (RuntimeException notAKey) {
      return List.of();
    }
  }

  private char peek() {
    return text.charAt(pos);
  }

  private boolean startsCrLf() {
    return text.startsWith("\r\n", pos);
  }

  private void skipBlanks() {
    while (pos < text.length() && (peek() == ' ' || peek() == '\t')) {
      pos++;
    }
  }

  private void toLineEnd() {
    int newline = text.indexOf('\n', pos);
    pos = newline < 0 ? text.length() : newline + 1;
  }
}

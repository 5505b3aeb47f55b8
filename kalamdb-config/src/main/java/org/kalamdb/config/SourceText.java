package org.kalamdb.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tomlj.Toml;

/**
 * The decoded text of a file, by line, for what tomlj does not report: where a value starts and
 * which key a line with a syntax error was defining. Lines and columns are 1-based, columns count
 * code points, as tomlj's do.
 */
final class SourceText {
  private final List<String> lines;

  SourceText(String text) {
    this.lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines.add(stripCr(text.substring(start, i)));
        start = i + 1;
      }
    }
    lines.add(stripCr(text.substring(start)));
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  /** The line's text without its line ending, or empty when out of range. */
  String line(int line) {
    return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
  }

  /**
   * The column of the value of the key-value pair whose key starts at {@code line:column}: the
   * first character after the {@code =}. Empty when the text there is not a simple key-value pair.
   */
  Optional<Integer> valueColumn(int line, int column) {
    String text = line(line);
    int index = indexOfColumn(text, column);
    if (index < 0) {
      return Optional.empty();
    }
    int afterKey = skipKey(text, index);
    if (afterKey < 0) {
      return Optional.empty();
    }
    int i = skipBlanks(text, afterKey);
    if (i >= text.length() || text.charAt(i) != '=') {
      return Optional.empty();
    }
    i = skipBlanks(text, i + 1);
    if (i >= text.length()) {
      return Optional.empty();
    }
    return Optional.of(text.codePointCount(0, i) + 1);
  }

  /**
   * Where the value of the key at {@code keyAt} starts, when its line is a plain {@code key =
   * value}; else {@code keyAt} itself.
   */
  Location valueAt(Location keyAt) {
    if (keyAt.equals(Location.NONE)) {
      return keyAt;
    }
    return valueColumn(keyAt.line(), keyAt.column())
        .map(column -> new Location(keyAt.line(), column))
        .orElse(keyAt);
  }

  /**
   * The table a line belongs to, from the last table header above it; empty list for the root.
   * Headers inside multi-line strings fool this, so it only serves to name keys in messages.
   */
  List<String> tableAt(int line) {
    for (int l = Math.min(line, lines.size()); l >= 1; l--) {
      Optional<List<String>> header = header(l);
      if (header.isPresent() && l < line) {
        return header.get();
      }
    }
    return List.of();
  }

  /** The table path of a {@code [table]} or {@code [[array]]} header line, if it is one. */
  Optional<List<String>> header(int line) {
    String text = line(line).strip();
    if (!text.startsWith("[")) {
      return Optional.empty();
    }
    boolean array = text.startsWith("[[");
    int open = array ? 2 : 1;
    int close = text.indexOf(array ? "]]" : "]", open);
    if (close < 0) {
      close = text.length();
    }
    return parseKey(text.substring(open, close));
  }

  /** The key path a key-value line defines, relative to its table, if the line is one. */
  Optional<List<String>> keyOnLine(int line) {
    String text = line(line);
    int start = skipBlanks(text, 0);
    int end = skipKey(text, start);
    if (end <= start) {
      return Optional.empty();
    }
    int equals = skipBlanks(text, end);
    if (equals >= text.length() || text.charAt(equals) != '=') {
      return Optional.empty();
    }
    return parseKey(text.substring(start, end));
  }

  private static Optional<List<String>> parseKey(String key) {
    try {
      List<String> path = Toml.parseDottedKey(key.strip());
      return path.isEmpty() ? Optional.empty() : Optional.of(path);
    } catch (RuntimeException notAKey) {
      return Optional.empty();
    }
  }

  private static int indexOfColumn(String text, int column) {
    if (column < 1 || column - 1 > text.codePointCount(0, text.length())) {
      return -1;
    }
    return text.offsetByCodePoints(0, column - 1);
  }

  /** The index after a dotted key starting at {@code index}, or -1 when no key starts there. */
  private static int skipKey(String text, int index) {
    int i = index;
    boolean sawPart = false;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (isBare(c)) {
        while (i < text.length() && isBare(text.charAt(i))) {
          i++;
        }
      } else if (c == '"' || c == '\'') {
        i = skipQuoted(text, i, c);
        if (i < 0) {
          return -1;
        }
      } else {
        break;
      }
      sawPart = true;
      int next = skipBlanks(text, i);
      if (next < text.length() && text.charAt(next) == '.') {
        i = skipBlanks(text, next + 1);
      } else {
        return i;
      }
    }
    return sawPart ? i : -1;
  }

  private static int skipQuoted(String text, int open, char quote) {
    for (int i = open + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote == '"' && c == '\\') {
        i++;
      } else if (c == quote) {
        return i + 1;
      }
    }
    return -1;
  }

  private static boolean isBare(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-';
  }

  private static int skipBlanks(String text, int index) {
    int i = index;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}

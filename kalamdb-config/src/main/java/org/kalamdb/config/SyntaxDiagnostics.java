package org.kalamdb.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlPosition;

/**
 * Turns tomlj's parse errors into diagnostics whose message says what kind of problem it is
 * (syntax, duplicate key, duplicate table, integer overflow) and whose key names the dotted key of
 * the line, so every error of a file can be told apart.
 */
final class SyntaxDiagnostics {
  private static final Pattern DUPLICATE =
      Pattern.compile("(.+) previously defined at line (\\d+), column (\\d+)");

  private SyntaxDiagnostics() {}

  static List<Diagnostic> of(List<TomlParseError> errors, SourceText source, String file) {
    List<Diagnostic> result = new ArrayList<>();
    for (TomlParseError error : errors) {
      result.add(of(error, source, file));
    }
    return result;
  }

  /** A crash of tomlj on the file, located by {@link TomlParsing}, as a syntax error. */
  static Diagnostic of(TomlParsing.Crash crash, SourceText source, String file) {
    return new Diagnostic(
        file,
        crash.line(),
        crash.column(),
        Severity.ERROR,
        keyOfLine(source, crash.line()).orElse(null),
        "TOML syntax error: " + crash.getMessage());
  }

  private static Diagnostic of(TomlParseError error, SourceText source, String file) {
    TomlPosition position = error.position();
    int line = position == null ? 0 : Math.max(1, position.line());
    int column = position == null ? 0 : Math.max(1, position.column());
    String message = String.valueOf(error.getMessage());
    Matcher duplicate = DUPLICATE.matcher(message);
    if (line > 0 && duplicate.matches()) {
      return duplicate(source, file, line, column, duplicate);
    }
    String key = line == 0 ? null : keyOfLine(source, line).orElse(null);
    String text;
    if (message.equals("Integer is too large")) {
      text =
          "integer is too large: TOML integers must fit a 64-bit signed integer"
              + (key == null ? "" : " (" + key + ")");
    } else {
      text = "TOML syntax error: " + lowerFirst(message);
    }
    return new Diagnostic(file, line, column, Severity.ERROR, key, text);
  }

  private static Diagnostic duplicate(
      SourceText source, String file, int line, int column, Matcher duplicate) {
    String where = "line " + duplicate.group(2) + ", column " + duplicate.group(3);
    Optional<List<String>> header = source.header(line);
    if (header.isPresent()) {
      String name = KeyPath.join(header.get());
      return Diagnostic.error(
          file,
          line,
          column,
          name,
          "duplicate table [" + name + "]: it is already defined at " + where);
    }
    List<String> relative = parseKey(duplicate.group(1));
    List<String> path = new ArrayList<>(source.tableAt(line));
    Optional<List<String>> lineKey = source.keyOnLine(line);
    if (lineKey.isPresent() && !lineKey.get().equals(relative)) {
      // The duplicate is inside an inline table that the line's key defines.
      path.addAll(lineKey.get());
    }
    path.addAll(relative);
    String name = KeyPath.join(path);
    return Diagnostic.error(
        file,
        line,
        column,
        name,
        "duplicate key '" + name + "': it is already defined at " + where);
  }

  private static List<String> parseKey(String key) {
    try {
      return Toml.parseDottedKey(key);
    } catch (RuntimeException notAKey) {
      return List.of(key);
    }
  }

  private static Optional<String> keyOfLine(SourceText source, int line) {
    Optional<List<String>> header = source.header(line);
    if (header.isPresent()) {
      return Optional.of(KeyPath.join(header.get()));
    }
    return source
        .keyOnLine(line)
        .map(
            key -> {
              List<String> path = new ArrayList<>(source.tableAt(line));
              path.addAll(key);
              return KeyPath.join(path);
            });
  }

  private static String lowerFirst(String text) {
    if (text.length() > 1
        && Character.isUpperCase(text.charAt(0))
        && !Character.isUpperCase(text.charAt(1))) {
      return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
    return text;
  }
}

package org.kalamdb.config;

import java.util.regex.Pattern;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;

/**
 * tomlj's parse, with its crashes turned into located syntax errors. tomlj 1.1.1 throws a bare
 * {@link NullPointerException} (no position) on some malformed values, e.g. {@code b =
 * 1979-05-27T07:32:09-5-}, a date-time whose offset is cut short; found by fuzzing. Such a file is
 * invalid TOML and must be reported like any other syntax error, at its line.
 */
final class TomlParsing {
  private static final Pattern DATE_TIME_WITH_OFFSET =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?[+-]");

  private TomlParsing() {}

  /**
   * Parses {@code text}; errors tomlj collects are in the result, the ones it throws are thrown as
   * tomlj throws them ({@link TomlParseError}), and its crashes as a located {@link Crash}.
   */
  static TomlParseResult parse(String text) {
    try {
      return Toml.parse(text);
    } catch (TomlParseError thrown) {
      throw thrown;
    } catch (RuntimeException crash) {
      throw located(text, crash);
    }
  }

  /** The first line that makes tomlj crash on its own, or line 1 when none does alone. */
  private static Crash located(String text, RuntimeException crash) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("[")) {
        continue;
      }
      if (crashes(line)) {
        var dateTime = DATE_TIME_WITH_OFFSET.matcher(lines[i]);
        if (dateTime.find()) {
          return new Crash(
              i + 1,
              dateTime.start() + 1,
              "invalid date-time: after the time comes Z or an offset written +HH:MM or -HH:MM");
        }
        return new Crash(
            i + 1,
            lines[i].indexOf(line) + 1,
            "a value the TOML parser cannot read (" + crash.getClass().getSimpleName() + ")");
      }
    }
    return new Crash(
        1, 1, "the TOML parser failed on this file (" + crash.getClass().getSimpleName() + ")");
  }

  private static boolean crashes(String line) {
    try {
      Toml.parse(line);
      return false;
    } catch (TomlParseError error) {
      return false;
    } catch (RuntimeException crash) {
      return true;
    }
  }

  /**
   * tomlj crashed on the text; where, as far as one line alone shows it, and why in words.
   *
   * <p>Not serialized: it never leaves the validator and the writer.
   */
  @SuppressWarnings("serial")
  static final class Crash extends RuntimeException {
    private final int line;
    private final int column;

    Crash(int line, int column, String message) {
      super(message, null, false, false);
      this.line = line;
      this.column = column;
    }

    int line() {
      return line;
    }

    int column() {
      return column;
    }
  }
}

package org.kalamdb.config;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/** How a diagnostic names a TOML value it did not expect: {@code string "8"}, {@code float 8.5}. */
final class ValueDescription {
  private static final int MAX_SHOWN = 40;

  private ValueDescription() {}

  static String of(Object value) {
    if (value instanceof String s) {
      String shown = s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN) + "..." : s;
      return "string " + KeyPath.quote(shown);
    }
    if (value instanceof Double d) {
      return "float " + d;
    }
    if (value instanceof Boolean b) {
      return "boolean " + b;
    }
    if (value instanceof Long l) {
      return "integer " + l;
    }
    if (value instanceof TomlArray array) {
      return !array.isEmpty() && array.get(0) instanceof TomlTable ? "array of tables" : "array";
    }
    if (value instanceof TomlTable) {
      return "table";
    }
    if (value instanceof OffsetDateTime || value instanceof LocalDateTime) {
      return "date-time " + value;
    }
    if (value instanceof LocalDate) {
      return "date " + value;
    }
    if (value instanceof LocalTime) {
      return "time " + value;
    }
    return "a value of type " + value.getClass().getSimpleName();
  }
}

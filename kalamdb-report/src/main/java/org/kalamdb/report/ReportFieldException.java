package org.kalamdb.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A field no memory report can have (a list missing, a {@code null} in one, a negative figure),
 * thrown by the report's records as they are built; {@link MemoryReportJson#read} names it by its
 * place in the file, e.g. {@code tests[3].stores[0].peakBytes is -7, must be >= 0}. The static
 * methods are the checks that throw it.
 */
final class ReportFieldException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String problem;

  ReportFieldException(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
    this.problem = problem;
  }

  /** The field, e.g. {@code peakBytes} or {@code stores[2]}. */
  String field() {
    return field;
  }

  /** What is wrong with it, e.g. {@code is missing}. */
  String problem() {
    return problem;
  }

  /** An unmodifiable copy of {@code list}, which must be there and hold no {@code null}. */
  static <T> List<T> list(String field, List<T> list) {
    if (list == null) {
      throw new ReportFieldException(field, "is missing");
    }
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        throw new ReportFieldException(field + "[" + i + "]", "is null");
      }
    }
    return List.copyOf(list);
  }

  /** An unmodifiable copy of {@code figures} in their order; each there and not negative. */
  static Map<String, Long> figures(String field, Map<String, Long> figures) {
    if (figures == null) {
      throw new ReportFieldException(field, "is missing");
    }
    Map<String, Long> copy = new LinkedHashMap<>();
    figures.forEach(
        (name, value) -> {
          if (value == null) {
            throw new ReportFieldException(field + "." + name, "is null");
          }
          copy.put(name, notNegative(field + "." + name, value));
        });
    return Collections.unmodifiableMap(copy);
  }

  /** {@code value}, which must not be negative (bytes, milliseconds). */
  static long notNegative(String field, long value) {
    if (value < 0) {
      throw new ReportFieldException(field, "is " + value + ", must be >= 0");
    }
    return value;
  }

  /** {@code value} when absent or not negative. */
  static Long notNegative(String field, Long value) {
    return value == null ? null : notNegative(field, value.longValue());
  }
}

package org.kalamdb.junit;

import java.util.List;
import java.util.stream.Collectors;
import org.kalamdb.config.TerminalText;

/**
 * Column-family names as messages list them: each quoted, so that an empty name shows as {@code
 * [""]} rather than vanishing into {@code []}.
 */
final class ColumnFamilyNames {
  private ColumnFamilyNames() {}

  /** {@code ["users", ""]}: quotes and backslashes escaped, control characters too. */
  static String quoted(List<String> names) {
    return names.stream()
        .map(n -> '"' + TerminalText.escape(n.replace("\\", "\\\\").replace("\"", "\\\"")) + '"')
        .collect(Collectors.joining(", ", "[", "]"));
  }
}

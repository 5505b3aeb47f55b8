package org.kalamdb.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.kalamdb.config.TableText.Key;
import org.kalamdb.config.TomlStatements.Kind;
import org.kalamdb.config.TomlStatements.Statement;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * Updates the section's tables where they stand, so the user's comments, key order, blank lines and
 * spacing inside them stay: a value that differs is replaced between its first and last character,
 * a value that is already right is not touched, a missing key is added with its comment at the end
 * of its table, a missing table after the section's last table. Keys and sub-tables the section
 * does not have (unknown or legacy ones) are removed, since the check would reject them.
 *
 * <p>It applies only when each table of the section is written as its own {@code [header]}; a
 * section given as dotted keys or inline tables from outside, or as an array of tables, is left to
 * the caller, which replaces it whole.
 */
final class SectionUpdate {
  private final String text;
  private final List<Statement> statements;
  private final List<TableText> tables;
  private final List<String> section;
  private final String eol;

  /** Per statement: the index into {@link #tables} of its table, -1 outside, -2 to drop. */
  private final int[] table;

  private final boolean[] drop;
  private final Map<Integer, String> values = new HashMap<>();
  private final Map<Integer, StringBuilder> insertions = new HashMap<>();

  private SectionUpdate(
      String text,
      List<Statement> statements,
      List<TableText> tables,
      List<String> section,
      String eol) {
    this.text = text;
    this.statements = statements;
    this.tables = tables;
    this.section = section;
    this.eol = eol;
    this.table = new int[statements.size()];
    this.drop = new boolean[statements.size()];
  }

  /**
   * {@code text} with the section updated in place, or empty when the section is not written as
   * tables of its own (or not there at all).
   *
   * @param tables the section's tables as the writer renders them; the first is the section's own
   */
  static Optional<String> apply(
      String text,
      List<Statement> statements,
      List<TableText> tables,
      List<String> section,
      String eol) {
    return new SectionUpdate(text, statements, tables, section, eol).run();
  }

  private static final int OUTSIDE = -1;
  private static final int UNKNOWN = -2;

  private Optional<String> run() {
    if (!assignTables()) {
      return Optional.empty();
    }
    Set<Integer> seen = new HashSet<>();
    int last = -1;
    for (int i = 0; i < statements.size(); i++) {
      if (statements.get(i).kind() == Kind.HEADER && table[i] >= 0) {
        seen.add(table[i]);
        last = Math.max(last, updateTable(i));
      }
    }
    dropUnknownTables();
    StringBuilder missing = new StringBuilder();
    for (int t = 1; t < tables.size(); t++) {
      if (!seen.contains(t)) {
        missing.append(eol);
        tables.get(t).appendTo(missing, eol);
      }
    }
    insertAfter(last, missing);
    return Optional.of(output());
  }

  /** Which table each statement is in; false when the section is not in headers of its own. */
  private boolean assignTables() {
    int current = OUTSIDE;
    List<String> path = List.of();
    Set<Integer> headers = new HashSet<>();
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      if (s.kind() == Kind.HEADER) {
        path = s.path();
        current = OUTSIDE;
        if (startsWith(path, section)) {
          if (text.startsWith("[[", firstNonBlank(s))) {
            return false;
          }
          current = indexOf(path);
          if (current >= 0 && !headers.add(current)) {
            return false;
          }
        }
      } else if (s.kind() == Kind.KEY_VALUE && current == OUTSIDE) {
        List<String> full = new ArrayList<>(path);
        full.addAll(s.path());
        if (startsWith(full, section)) {
          return false;
        }
      }
      table[i] = current;
    }
    return headers.contains(0);
  }

  private int indexOf(List<String> path) {
    for (int t = 0; t < tables.size(); t++) {
      if (tables.get(t).path().equals(path)) {
        return t;
      }
    }
    return UNKNOWN;
  }

  /**
   * Updates the keys of the table whose header is at {@code header}.
   *
   * @return the index of the table's last statement that is not a comment or blank line
   */
  private int updateTable(int header) {
    TableText spec = tables.get(table[header]);
    Set<String> present = new HashSet<>();
    int end = header;
    int i = header + 1;
    for (; i < statements.size() && statements.get(i).kind() != Kind.HEADER; i++) {
      Statement s = statements.get(i);
      if (s.kind() == Kind.TRIVIA) {
        continue;
      }
      end = i;
      if (s.kind() != Kind.KEY_VALUE) {
        continue;
      }
      Optional<Key> key =
          s.path().size() == 1
              ? spec.keys().stream().filter(k -> k.name().equals(s.path().get(0))).findFirst()
              : Optional.empty();
      if (key.isEmpty()) {
        drop[i] = true;
      } else {
        present.add(key.get().name());
        if (!sameValue(text.substring(s.valueStart(), s.valueEnd()), key.get().value())) {
          values.put(i, key.get().value());
        }
      }
    }
    StringBuilder added = new StringBuilder();
    for (Key key : spec.keys()) {
      if (!present.contains(key.name())) {
        TableText.appendKey(added, key, true, eol);
      }
    }
    insertAfter(end, added);
    return end;
  }

  /**
   * Drops the tables under the section that it does not have, with the comments and blank lines
   * that lead into them; the ones that lead into a header kept stay with it.
   */
  private void dropUnknownTables() {
    for (int i = 0; i < statements.size(); i++) {
      if (table[i] == UNKNOWN) {
        drop[i] = true;
      }
      boolean header = statements.get(i).kind() == Kind.HEADER;
      if (header && table[i] == UNKNOWN) {
        for (int j = i - 1; j >= 0 && isTrivia(j) && table[j] != OUTSIDE; j--) {
          drop[j] = true;
        }
      } else if (header && i > 0 && table[i - 1] == UNKNOWN) {
        keepLeadIn(i);
      }
    }
    if (!statements.isEmpty() && table[statements.size() - 1] == UNKNOWN) {
      keepLeadIn(statements.size());
    }
  }

  private void keepLeadIn(int next) {
    for (int j = next - 1; j >= 0 && isTrivia(j) && table[j] == UNKNOWN; j--) {
      drop[j] = false;
    }
  }

  private boolean isTrivia(int i) {
    return statements.get(i).kind() == Kind.TRIVIA;
  }

  private void insertAfter(int index, CharSequence lines) {
    if (lines.length() > 0) {
      insertions.computeIfAbsent(index, k -> new StringBuilder()).append(lines);
    }
  }

  private String output() {
    StringBuilder out = new StringBuilder(text.length() + 256);
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      String value = values.get(i);
      if (value != null) {
        out.append(text, s.start(), s.valueStart()).append(value);
        out.append(text, s.valueEnd(), s.end());
      } else if (!drop[i]) {
        out.append(text, s.start(), s.end());
      }
      StringBuilder inserted = insertions.get(i);
      if (inserted != null) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
          out.append(eol);
        }
        out.append(inserted);
      }
    }
    return out.toString();
  }

  /** Whether the value as written means {@code literal}, e.g. {@code 0x10} and {@code 16}. */
  private static boolean sameValue(String written, String literal) {
    return Objects.equals(valueOf(written), valueOf(literal));
  }

  private static Object valueOf(String literal) {
    try {
      TomlParseResult parsed = Toml.parse("v = " + literal + "\n");
      return parsed.hasErrors() ? null : parsed.get("v");
    } catch (RuntimeException unparsable) {
      return null;
    }
  }

  private int firstNonBlank(Statement s) {
    int i = s.start();
    while (i < s.end() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static boolean startsWith(List<String> path, List<String> prefix) {
    return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
  }
}

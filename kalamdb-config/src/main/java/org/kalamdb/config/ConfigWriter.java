package org.kalamdb.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.kalamdb.config.TomlStatements.Kind;
import org.kalamdb.config.TomlStatements.Statement;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;

/**
 * Writes a commented {@code [rocksdb]} section, alone or merged into an existing file where only
 * that section's lines change and every other byte is kept.
 *
 * <p>What belongs to the section: a {@code [rocksdb]} table (and {@code [rocksdb.x]} sub-tables)
 * from its header to the line before the next header, without the comments and blank lines that
 * lead into that next header; and, in the root table, {@code rocksdb.x = ...} dotted keys and a
 * {@code rocksdb = { ... }} inline table. The new section goes where the first such header was, or
 * at the end of the file: a header put before root keys would capture them.
 */
public final class ConfigWriter {
  private static final String SECTION = SectionCheck.SECTION;
  private static final String BOM = "\uFEFF";

  private ConfigWriter() {}

  /** The commented section, ending with a newline. */
  public static String render(RocksDbConfig config) {
    return render(config, "\n");
  }

  private static String render(RocksDbConfig config, String eol) {
    return TableText.render(tables(config), eol);
  }

  private static List<TableText> tables(RocksDbConfig config) {
    if (config.dialect() == Dialect.KALAMDB_SERVER) {
      return ServerSectionText.tables(config);
    }
    List<TableText.Key> keys = new ArrayList<>();
    for (ConfigKey key : ConfigKey.values()) {
      keys.add(TableText.Key.commented(key.tomlName(), key.valueIn(config), key.description()));
    }
    return List.of(new TableText(List.of(SECTION), keys));
  }

  /**
   * {@code existing} with its {@code [rocksdb]} section updated, or the section appended. A section
   * written as tables of their own is updated in place (see {@link SectionUpdate}): the user's
   * comments, key order and spacing inside it stay. One written as dotted keys or inline tables is
   * removed and the rendered section put in its place. Line endings follow the file's first one; a
   * file without a final newline keeps lacking one; a leading byte-order mark stays.
   */
  public static String merge(String existing, RocksDbConfig config) {
    if (existing.startsWith(BOM)) {
      return BOM + merge(existing.substring(BOM.length()), config);
    }
    int firstNewline = existing.indexOf('\n');
    String eol = firstNewline > 0 && existing.charAt(firstNewline - 1) == '\r' ? "\r\n" : "\n";
    List<Statement> statements = TomlStatements.split(existing);
    List<String> sectionPath = config.dialect().sectionPath();
    boolean[] drop = sectionStatements(statements, sectionPath);
    String merged =
        SectionUpdate.apply(existing, statements, tables(config), sectionPath, eol)
            .orElseGet(() -> replace(existing, statements, drop, render(config, eol), eol));
    boolean hadFinalNewline = existing.isEmpty() || existing.endsWith("\n");
    if (!hadFinalNewline && merged.endsWith(eol)) {
      return merged.substring(0, merged.length() - eol.length());
    }
    return merged;
  }

  /** The text without the old section's statements and with the rendered one in their place. */
  private static String replace(
      String existing, List<Statement> statements, boolean[] drop, String section, String eol) {
    StringBuilder out = new StringBuilder(existing.length() + section.length());
    boolean placed = false;
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      if (!drop[i]) {
        out.append(existing, s.start(), s.end());
      } else if (!placed && s.kind() == Kind.HEADER) {
        out.append(section);
        placed = true;
      }
    }
    if (!placed) {
      appendSection(out, section, eol);
    }
    return out.toString();
  }

  /**
   * Which statements are the old section: its table blocks (headers starting with {@code section}
   * and what follows them) and the keys of other tables whose full path starts with it.
   *
   * @throws IllegalArgumentException when a key's inline table holds the section (e.g. {@code
   *     storage = { rocksdb = { ... } }}): its lines cannot be replaced without rewriting the rest
   */
  private static boolean[] sectionStatements(List<Statement> statements, List<String> section) {
    boolean[] drop = new boolean[statements.size()];
    List<String> table = List.of();
    boolean inSection = false;
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      if (s.kind() == Kind.HEADER) {
        boolean starts = startsWith(s.path(), section);
        if (inSection && !starts) {
          keepLeadIn(statements, drop, i);
        }
        table = s.path();
        inSection = starts;
        drop[i] = inSection;
      } else if (inSection) {
        drop[i] = true;
      } else if (s.kind() == Kind.KEY_VALUE) {
        List<String> full = new ArrayList<>(table);
        full.addAll(s.path());
        if (startsWith(full, section)) {
          drop[i] = true;
        } else if (startsWith(section, full)) {
          throw new IllegalArgumentException(
              "cannot merge into "
                  + String.join(".", full)
                  + " = { ... }: write "
                  + String.join(".", section)
                  + " as a table of its own ("
                  + "["
                  + String.join(".", section)
                  + "]"
                  + ") first");
        }
      }
    }
    if (inSection) {
      keepLeadIn(statements, drop, statements.size());
    }
    return drop;
  }

  private static boolean startsWith(List<String> path, List<String> prefix) {
    return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
  }

  /** Keeps the comments and blank lines just before {@code next} with what follows them. */
  private static void keepLeadIn(List<Statement> statements, boolean[] drop, int next) {
    for (int j = next - 1; j >= 0 && statements.get(j).kind() == Kind.TRIVIA; j--) {
      if (!drop[j]) {
        return;
      }
      drop[j] = false;
    }
  }

  private static void appendSection(StringBuilder out, String section, String eol) {
    if (out.toString().isBlank()) {
      // Whitespace only: it stays, the section starts on a line of its own after it.
      if (out.length() > 0 && !endsWithNewline(out)) {
        out.append(eol);
      }
      out.append(section);
      return;
    }
    if (!endsWithNewline(out)) {
      out.append(eol);
    }
    if (!endsWithBlankLine(out)) {
      out.append(eol);
    }
    out.append(section);
  }

  private static boolean endsWithNewline(StringBuilder out) {
    return out.length() > 0 && out.charAt(out.length() - 1) == '\n';
  }

  private static boolean endsWithBlankLine(StringBuilder out) {
    String text = out.toString();
    int lastLineEnd = text.lastIndexOf('\n');
    int previous = text.lastIndexOf('\n', lastLineEnd - 1);
    return previous >= 0 && text.substring(previous + 1, lastLineEnd).isBlank()
        || previous < 0 && text.substring(0, lastLineEnd).isBlank();
  }

  /**
   * Writes the section into {@code target}: creates the file, or merges into it. The result is
   * re-parsed before anything is written, and written atomically (temporary file, then move) with
   * the file's owner, group and mode kept; see {@link AtomicFileWrite} for symbolic and hard links.
   * Anything that is not a regular file (a device, a directory, a named pipe) is refused unread.
   *
   * @return whether the file changed; writing the same config twice changes nothing
   * @throws ConfigFileException when the file cannot be read or written, with the reason
   * @throws IOException when the file cannot be read or written
   * @throws ConfigException when the existing file is not valid TOML, so the merge cannot be
   *     trusted; when it has the other dialect's section; or when the section sits inside an inline
   *     table that cannot be rewritten alone
   */
  public static boolean write(Path target, RocksDbConfig config) throws IOException {
    Path file;
    boolean exists;
    try {
      file = AtomicFileWrite.resolve(target);
      exists = ConfigFiles.regularOrAbsent(file) != null;
    } catch (ConfigFileException e) {
      throw e.writing();
    }
    String name = target.toString();
    byte[] old = exists ? ConfigFiles.read(file) : null;
    byte[] updated;
    if (old == null) {
      updated = render(config).getBytes(StandardCharsets.UTF_8);
    } else {
      updated = merged(old, config, name);
    }
    ensureReadsBack(updated, config, name);
    if (old != null && Arrays.equals(old, updated)) {
      return false;
    }
    AtomicFileWrite.replace(file, updated);
    return true;
  }

  private static byte[] merged(byte[] old, RocksDbConfig config, String name) {
    Utf8Check.Decoded decoded = Utf8Check.decode(old, name);
    if (decoded.error() != null || !parses(decoded.text())) {
      throw new ConfigException(new ConfigValidator().validate(old, name).errors());
    }
    refuseOtherDialect(decoded.text(), config.dialect(), name);
    boolean bom = Utf8Check.hasBom(old);
    String text;
    try {
      text = merge(decoded.text(), config);
    } catch (IllegalArgumentException cannotMerge) {
      throw new ConfigException(
          List.of(new Diagnostic(name, 0, 0, Severity.ERROR, null, cannotMerge.getMessage())));
    }
    return ((bom ? "\uFEFF" : "") + text).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A section of the other dialect would make the file hold both, which no check accepts: a toolkit
   * section does not belong in a server file, nor the reverse.
   */
  private static void refuseOtherDialect(String text, Dialect dialect, String name) {
    Dialect other = dialect == Dialect.TOOLKIT ? Dialect.KALAMDB_SERVER : Dialect.TOOLKIT;
    TomlParseResult toml = TomlParsing.parse(text);
    if (toml.get(other.sectionPath()) == null) {
      return;
    }
    Location at = Location.of(toml.inputPositionOf(other.sectionPath()));
    throw new ConfigException(
        List.of(
            at.diagnostic(
                name,
                Severity.ERROR,
                String.join(".", other.sectionPath()),
                "the file has "
                    + other.sectionHeader()
                    + " (dialect "
                    + other
                    + "): write its settings with dialect "
                    + other
                    + ", or remove that section before writing "
                    + dialect.sectionHeader())));
  }

  private static boolean parses(String text) {
    try {
      return TomlParsing.parse(text).errors().isEmpty();
    } catch (TomlParseError | TomlParsing.Crash thrown) {
      return false;
    }
  }

  /** Refuses to write content that does not parse or does not read back as {@code config}. */
  private static void ensureReadsBack(byte[] content, RocksDbConfig config, String name) {
    // One column family: the write must not depend on a count the caller did not give.
    ValidationResult check =
        new ConfigValidator(new CheckOptions(OptionalLong.empty(), 1).withDialect(config.dialect()))
            .validate(content, name);
    if (check.hasErrors()) {
      throw new ConfigException(check.errors());
    }
    if (!check.config().equals(config)) {
      throw new IllegalStateException(
          "the merged " + name + " reads back as " + check.config() + ", not " + config);
    }
  }
}

package org.kalamdb.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.kalamdb.config.TomlStatements.Kind;
import org.kalamdb.config.TomlStatements.Statement;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;

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
    StringBuilder out = new StringBuilder("[" + SECTION + "]").append(eol);
    for (ConfigKey key : ConfigKey.values()) {
      out.append("# ").append(key.description()).append(eol);
      out.append(key.tomlName()).append(" = ").append(key.valueIn(config)).append(eol);
    }
    return out.toString();
  }

  /**
   * {@code existing} with its {@code [rocksdb]} block replaced by (or appended with) the section.
   * Line endings follow the file's first one; a file without a final newline keeps lacking one; a
   * leading byte-order mark stays.
   */
  public static String merge(String existing, RocksDbConfig config) {
    if (existing.startsWith(BOM)) {
      return BOM + merge(existing.substring(BOM.length()), config);
    }
    int firstNewline = existing.indexOf('\n');
    String eol = firstNewline > 0 && existing.charAt(firstNewline - 1) == '\r' ? "\r\n" : "\n";
    String section = render(config, eol);
    List<Statement> statements = TomlStatements.split(existing);
    boolean[] drop = sectionStatements(statements);
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
    boolean hadFinalNewline = existing.isEmpty() || existing.endsWith("\n");
    if (!hadFinalNewline && out.toString().endsWith(eol)) {
      out.setLength(out.length() - eol.length());
    }
    return out.toString();
  }

  /** Which statements are the old section: its table blocks and its root dotted/inline keys. */
  private static boolean[] sectionStatements(List<Statement> statements) {
    boolean[] drop = new boolean[statements.size()];
    boolean inRoot = true;
    boolean inSection = false;
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      if (s.kind() == Kind.HEADER) {
        if (inSection && !s.startsWith(SECTION)) {
          keepLeadIn(statements, drop, i);
        }
        inRoot = false;
        inSection = s.startsWith(SECTION);
        drop[i] = inSection;
      } else if (inSection) {
        drop[i] = true;
      } else if (inRoot && s.kind() == Kind.KEY_VALUE && s.startsWith(SECTION)) {
        drop[i] = true;
      }
    }
    if (inSection) {
      keepLeadIn(statements, drop, statements.size());
    }
    return drop;
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
      out.setLength(0);
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
   * re-parsed before anything is written, and written atomically (temporary file, then move).
   *
   * @return whether the file changed; writing the same config twice changes nothing
   * @throws IOException when the file cannot be read or written
   * @throws ConfigException when the existing file is not valid TOML, so the merge cannot be
   *     trusted
   */
  public static boolean write(Path target, RocksDbConfig config) throws IOException {
    Path file = Files.isSymbolicLink(target) ? target.toRealPath() : target;
    String name = target.toString();
    byte[] old = Files.exists(file) ? Files.readAllBytes(file) : null;
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
    boolean bom = Utf8Check.hasBom(old);
    String text = merge(decoded.text(), config);
    return ((bom ? "\uFEFF" : "") + text).getBytes(StandardCharsets.UTF_8);
  }

  private static boolean parses(String text) {
    try {
      return Toml.parse(text).errors().isEmpty();
    } catch (TomlParseError thrown) {
      return false;
    }
  }

  /** Refuses to write content that does not parse or does not read back as {@code config}. */
  private static void ensureReadsBack(byte[] content, RocksDbConfig config, String name) {
    // One column family: the write must not depend on a count the caller did not give.
    ValidationResult check =
        new ConfigValidator(new CheckOptions(OptionalLong.empty(), 1)).validate(content, name);
    if (check.hasErrors()) {
      throw new ConfigException(check.errors());
    }
    if (!check.config().equals(config)) {
      throw new IllegalStateException(
          "the merged " + name + " reads back as " + check.config() + ", not " + config);
    }
  }
}

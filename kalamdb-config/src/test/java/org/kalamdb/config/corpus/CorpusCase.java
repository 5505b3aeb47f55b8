package org.kalamdb.config.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.kalamdb.config.CheckOptions;
import org.kalamdb.config.Diagnostic;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.Severity;

/**
 * One case of the config corpus: a {@code NAME.toml} file and the diagnostics it must produce,
 * listed in {@code NAME.expected}. Read from the classpath ({@code /corpus/index.txt} lists the
 * names), so it works from this module's test-jar too: kalamdb-cli runs the same cases through the
 * command line.
 *
 * <p>A first line {@code # check: --budget-mb 64 --column-families 57} gives the check options (the
 * same words as the CLI, {@code --dialect} included); without it: no budget, the dialect's own
 * column-family count, the dialect detected.
 *
 * @param name the case name, e.g. {@code unknown-key-typo}
 * @param content the file's raw bytes (some cases are not valid UTF-8)
 * @param options the check options from the {@code # check:} line
 * @param checkArgs the {@code # check:} line's arguments as the CLI takes them, possibly empty
 * @param expected the diagnostics the file must produce, in order; empty for a valid file
 */
public record CorpusCase(
    String name,
    byte[] content,
    CheckOptions options,
    List<String> checkArgs,
    List<Expected> expected) {

  /** The classpath folder of the corpus. */
  public static final String ROOT = "/corpus/";

  private static final String CHECK_PREFIX = "# check:";

  /**
   * One expected diagnostic: {@code 4:1 error rocksdb.write_bufer_size_mb}, or {@code - error -}
   * for an unlocated one without a key.
   *
   * @param line 1-based line, 0 when unlocated
   * @param column 1-based column, 0 when unlocated
   * @param severity error or warning
   * @param key the dotted key, or {@code null}
   */
  public record Expected(int line, int column, Severity severity, String key) {

    /** Parses one line of an {@code .expected} file. */
    public static Expected parse(String text) {
      String[] parts = text.strip().split("\\s+", 3);
      if (parts.length != 3) {
        throw new IllegalArgumentException("expected 'line:col severity key', got: " + text);
      }
      int line = 0;
      int column = 0;
      if (!parts[0].equals("-")) {
        String[] at = parts[0].split(":");
        line = Integer.parseInt(at[0]);
        column = Integer.parseInt(at[1]);
      }
      Severity severity = Severity.valueOf(parts[1].toUpperCase(Locale.ROOT));
      return new Expected(line, column, severity, parts[2].equals("-") ? null : parts[2]);
    }

    /** What a diagnostic looks like in this form. */
    public static Expected of(Diagnostic diagnostic) {
      return new Expected(
          diagnostic.line(), diagnostic.column(), diagnostic.severity(), diagnostic.key());
    }

    @Override
    public String toString() {
      String at = line == 0 ? "-" : line + ":" + column;
      return at + " " + severity.label() + " " + (key == null ? "-" : key);
    }
  }

  /** The file name of the case, {@code NAME.toml}. */
  public String fileName() {
    return name + ".toml";
  }

  /** The classpath resource of the case's TOML file. */
  public String resourcePath() {
    return ROOT + fileName();
  }

  /** Whether the file must give no error (warnings allowed). */
  public boolean valid() {
    return expected.stream().noneMatch(e -> e.severity() == Severity.ERROR);
  }

  /** Writes the case's bytes to {@code dir/NAME.toml} and returns that path. */
  public Path writeTo(Path dir) throws IOException {
    Path file = dir.resolve(fileName());
    Files.write(file, content);
    return file;
  }

  @Override
  public String toString() {
    return name;
  }

  /** Every case listed in {@code /corpus/index.txt}, in that order. */
  public static List<CorpusCase> all() {
    List<CorpusCase> cases = new ArrayList<>();
    for (String line : text(ROOT + "index.txt").split("\n")) {
      String name = line.strip();
      if (!name.isEmpty() && !name.startsWith("#")) {
        cases.add(load(name));
      }
    }
    return cases;
  }

  /** One case by name. */
  public static CorpusCase load(String name) {
    byte[] content = bytes(ROOT + name + ".toml");
    List<Expected> expected = new ArrayList<>();
    for (String line : text(ROOT + name + ".expected").split("\n")) {
      if (!line.isBlank()) {
        expected.add(Expected.parse(line));
      }
    }
    List<String> args = checkArgs(content);
    return new CorpusCase(name, content, options(args), List.copyOf(args), List.copyOf(expected));
  }

  private static List<String> checkArgs(byte[] content) {
    String first = new String(content, StandardCharsets.ISO_8859_1).split("\r?\n", 2)[0];
    if (!first.startsWith(CHECK_PREFIX)) {
      return List.of();
    }
    return List.of(first.substring(CHECK_PREFIX.length()).strip().split("\\s+"));
  }

  private static CheckOptions options(List<String> args) {
    OptionalLong budget = OptionalLong.empty();
    OptionalInt columnFamilies = OptionalInt.empty();
    Optional<Dialect> dialect = Optional.empty();
    for (int i = 0; i + 1 < args.size(); i += 2) {
      String value = args.get(i + 1);
      switch (args.get(i)) {
        case "--budget-mb" -> budget = OptionalLong.of(Long.parseLong(value));
        case "--column-families" -> columnFamilies = OptionalInt.of(Integer.parseInt(value));
        case "--dialect" -> dialect = Optional.of(Dialect.parse(value));
        default -> throw new IllegalArgumentException("unknown check option " + args.get(i));
      }
    }
    return new CheckOptions(budget, columnFamilies, dialect);
  }

  private static String text(String resource) {
    return new String(bytes(resource), StandardCharsets.UTF_8).replace("\r\n", "\n");
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = CorpusCase.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing corpus resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.kalamdb.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import org.kalamdb.config.Dialect;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The {@code --dialect} option of every command that reads a configuration file, mixed in with
 * {@code @Mixin}: {@code toolkit} ({@code [rocksdb]}, MB) or {@code kalamdb-server} ({@code
 * [storage.rocksdb]}, bytes). Not given, each file says which it is.
 */
public final class DialectOption {

  @Option(
      names = "--dialect",
      paramLabel = "ID",
      converter = DialectConverter.class,
      completionCandidates = DialectIds.class,
      description =
          "Layout to read the file in: ${COMPLETION-CANDIDATES} (toolkit: [rocksdb] in MB;"
              + " kalamdb-server: [storage.rocksdb] of a KalamDB server.toml, in bytes), in any"
              + " case. Default: detected from the file.")
  Dialect dialect;

  /** The dialect given, or empty to detect it from each file. */
  public Optional<Dialect> dialect() {
    return Optional.ofNullable(dialect);
  }

  /** Reads the ids users write, not the enum constant names; an unknown one is a usage error. */
  public static final class DialectConverter implements CommandLine.ITypeConverter<Dialect> {
    @Override
    public Dialect convert(String value) {
      try {
        return Dialect.parse(value);
      } catch (IllegalArgumentException unknown) {
        // Picocli turns this into "Invalid value for option '--dialect': ..." and exit code 2.
        throw new CommandLine.TypeConversionException(unknown.getMessage());
      }
    }
  }

  /** The ids for the help text. */
  public static final class DialectIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Dialect.values()).map(Dialect::id).iterator();
    }
  }
}

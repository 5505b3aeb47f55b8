package org.kalamdb.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;

/**
 * Finds every problem of a {@code config.toml} in one pass: TOML syntax, invalid UTF-8, duplicate
 * keys and tables, wrong types, out-of-range values, unknown keys (with a suggestion), and the
 * memory checks of {@link MemoryModel} when {@link CheckOptions} asks for them. Thread-safe.
 *
 * <p>Locations: syntax errors point where tomlj stopped; a bad value points at the value (the first
 * character after {@code =}) when its line is a plain {@code key = value}, else at its key; an
 * unknown key points at the key. Budget diagnostics concern the whole file and are unlocated.
 * Diagnostics come in file order, unlocated ones last.
 *
 * <p>The hard-cap check ({@code memtable_limit_mb} too small for the column-family count) always
 * runs; the budget check runs when a budget is given and the file has no errors.
 */
public final class ConfigValidator {
  private static final Comparator<Diagnostic> FILE_ORDER =
      Comparator.comparing((Diagnostic d) -> d.line() == 0)
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column);

  private final CheckOptions options;

  /** A validator with no budget check. */
  public ConfigValidator() {
    this(CheckOptions.none());
  }

  /** A validator that also checks the given budget and column-family count. */
  public ConfigValidator(CheckOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Validates a file; a file that cannot be read gives one unlocated error, not an exception. */
  public ValidationResult validate(Path file) {
    String name = file.toString();
    byte[] content;
    try {
      content = ConfigFiles.read(file);
    } catch (ConfigFileException e) {
      return failed(name, e.summary());
    } catch (SecurityException | OutOfMemoryError e) {
      return unreadable(name, String.valueOf(e.getMessage()));
    }
    return validate(content, name);
  }

  /**
   * Validates file content.
   *
   * @param content raw bytes, so that invalid UTF-8 is reported, not replaced
   * @param fileName the name diagnostics carry
   */
  public ValidationResult validate(byte[] content, String fileName) {
    if (content.length > ConfigFiles.MAX_BYTES) {
      return failed(fileName, ConfigFileException.overLimit(null, content.length).getMessage());
    }
    try {
      return check(content, fileName);
    } catch (StackOverflowError e) {
      return failed(fileName, "TOML nested too deeply to read");
    } catch (OutOfMemoryError e) {
      return ResourceLimits.failed(fileName, e);
    } catch (AssertionError e) {
      // tomlj asserts on some invalid escape sequences when run with -ea; without -ea it reports
      // them as located syntax errors.
      return failed(fileName, "TOML syntax error: invalid escape sequence in a string");
    } catch (RuntimeException e) {
      // A bug of ours must still not show a stack trace to the user; the message says to report it.
      return failed(fileName, "internal error while checking the file (please report): " + e);
    }
  }

  private ValidationResult check(byte[] content, String file) {
    Utf8Check.Decoded decoded = Utf8Check.decode(content, file);
    if (decoded.error() != null) {
      return new ValidationResult(file, List.of(decoded.error()), RocksDbConfig.defaults(), false);
    }
    String text = decoded.text();
    SourceText source = new SourceText(text);
    TomlParseResult toml;
    try {
      toml = TomlParsing.parse(text);
    } catch (TomlParseError thrown) {
      // tomlj throws (instead of collecting) a few errors, e.g. a bad escape in a table header.
      return new ValidationResult(
          file,
          SyntaxDiagnostics.of(List.of(thrown), source, file),
          RocksDbConfig.defaults(),
          false);
    } catch (TomlParsing.Crash crash) {
      return new ValidationResult(
          file,
          List.of(SyntaxDiagnostics.of(crash, source, file)),
          RocksDbConfig.defaults(),
          false);
    }
    List<Diagnostic> diagnostics =
        new ArrayList<>(SyntaxDiagnostics.of(toml.errors(), source, file));
    Optional<Dialect> dialect = options.dialect().or(() -> detected(toml, file, diagnostics));
    if (dialect.isEmpty()) {
      diagnostics.sort(FILE_ORDER);
      return new ValidationResult(file, diagnostics, RocksDbConfig.defaults(), true);
    }
    SectionReader section =
        dialect.get() == Dialect.TOOLKIT
            ? new SectionCheck(toml, source, file).run()
            : new ServerSection(toml, source, file).run();
    diagnostics.addAll(section.diagnostics());
    RocksDbConfig config = section.config();
    int columnFamilies = options.columnFamiliesFor(config);
    Optional<Diagnostic> limitTooSmall =
        MemoryChecks.memtableLimit(config, columnFamilies, section.valuePositions(), file);
    if (limitTooSmall.isPresent()) {
      diagnostics.add(limitTooSmall.get());
      config = config.withMemtableLimitMb(ConfigKey.MEMTABLE_LIMIT_MB.defaultValue());
    }
    boolean clean = diagnostics.stream().noneMatch(Diagnostic::isError);
    if (clean && options.memoryBudgetMb().isPresent()) {
      long budget = options.memoryBudgetMb().getAsLong();
      diagnostics.addAll(MemoryChecks.budget(config, columnFamilies, budget, file));
      MemoryModel.checkLegacyBudget(config, MemoryModel.legacyColumnFamilies(options), budget, file)
          .ifPresent(diagnostics::add);
    }
    diagnostics.sort(FILE_ORDER);
    return new ValidationResult(file, diagnostics, config, section.present());
  }

  /**
   * The dialect the file has: server when it has a {@code storage.rocksdb} table and no {@code
   * rocksdb} one, toolkit otherwise; empty, with an error naming both places, when it has both.
   */
  private static Optional<Dialect> detected(
      TomlParseResult toml, String file, List<Diagnostic> diagnostics) {
    boolean toolkit = toml.get(Dialect.TOOLKIT.sectionPath()) != null;
    boolean server = toml.get(Dialect.KALAMDB_SERVER.sectionPath()) != null;
    if (!server) {
      return Optional.of(Dialect.TOOLKIT);
    }
    if (!toolkit) {
      return Optional.of(Dialect.KALAMDB_SERVER);
    }
    Location toolkitAt = Location.of(toml.inputPositionOf(Dialect.TOOLKIT.sectionPath()));
    Location serverAt = Location.of(toml.inputPositionOf(Dialect.KALAMDB_SERVER.sectionPath()));
    Location later = toolkitAt.line() > serverAt.line() ? toolkitAt : serverAt;
    diagnostics.add(
        later.diagnostic(
            file,
            Severity.ERROR,
            null,
            "the file has both [rocksdb] (line "
                + toolkitAt.line()
                + ", dialect toolkit) and [storage.rocksdb] (line "
                + serverAt.line()
                + ", dialect kalamdb-server); remove one, or give the dialect to read"
                + " (--dialect, kalamdb.dialect, @KalamStoreTest(dialect = ...))"));
    return Optional.empty();
  }

  private static ValidationResult unreadable(String file, String reason) {
    return failed(file, "cannot read file: " + reason);
  }

  private static ValidationResult failed(String file, String message) {
    return new ValidationResult(
        file,
        List.of(new Diagnostic(file, 0, 0, Severity.ERROR, null, message)),
        RocksDbConfig.defaults(),
        false);
  }
}

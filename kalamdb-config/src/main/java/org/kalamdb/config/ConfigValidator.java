package org.kalamdb.config;

import java.nio.file.Path;

/**
 * Finds every problem of a {@code config.toml} in one pass: TOML syntax, invalid UTF-8, duplicate
 * keys and tables, wrong types, out-of-range values, unknown keys (with a suggestion), and the
 * memory checks of {@link MemoryModel} when {@link CheckOptions} asks for them. Thread-safe.
 */
public final class ConfigValidator {
  private final CheckOptions options;

  /** A validator with no budget check. */
  public ConfigValidator() {
    this(CheckOptions.none());
  }

  /** A validator that also checks the given budget and column-family count. */
  public ConfigValidator(CheckOptions options) {
    this.options = options;
  }

  /** Validates a file; a file that cannot be read gives one unlocated error, not an exception. */
  public ValidationResult validate(Path file) {
    throw new UnsupportedOperationException("TODO: issue 2 " + options);
  }

  /**
   * Validates file content.
   *
   * @param content raw bytes, so that invalid UTF-8 is reported, not replaced
   * @param fileName the name diagnostics carry
   */
  public ValidationResult validate(byte[] content, String fileName) {
    throw new UnsupportedOperationException("TODO: issue 2");
  }
}

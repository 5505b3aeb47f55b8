package org.kalamdb.config;

import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;

/**
 * Test helper: tomlj's parse of a text when it has no error (tomlj throws some errors, and crashes
 * on a few malformed values; see {@link TomlParsing}).
 */
final class CleanToml {
  private CleanToml() {}

  static Optional<TomlParseResult> parse(String text) {
    try {
      TomlParseResult result = Toml.parse(text);
      return result.errors().isEmpty() ? Optional.of(result) : Optional.empty();
    } catch (TomlParseError | NullPointerException thrown) {
      return Optional.empty();
    }
  }
}

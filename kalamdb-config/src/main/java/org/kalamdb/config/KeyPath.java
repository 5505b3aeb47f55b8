package org.kalamdb.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a key path the way a user would type it in TOML: {@code rocksdb.write_buffer_size_mb},
 * quoting only the parts that are not bare keys ({@code rocksdb."wrïte"}), without escaping
 * printable Unicode as tomlj's own joiner does.
 */
final class KeyPath {
  private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_-]+");

  private KeyPath() {}

  static String join(List<String> path) {
    StringBuilder out = new StringBuilder();
    for (String part : path) {
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(BARE.matcher(part).matches() ? part : quote(part));
    }
    return out.toString();
  }

  /** A basic TOML string: quotes, backslashes and control characters escaped, the rest as is. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
              } else if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                out.append(String.format("\\u%04X", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append('"').toString();
  }
}

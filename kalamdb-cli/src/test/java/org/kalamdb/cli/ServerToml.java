package org.kalamdb.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The full KalamDB {@code server.toml} the tests start from ({@code
 * src/test/resources/org/kalamdb/cli/server.toml}): every key of {@code [storage.rocksdb]} and all
 * five profiles, between sections of the server's own.
 */
public final class ServerToml {

  /**
   * Its worst case for the server's six column families: default and system_meta 64 KiB x 2 each,
   * system_index 64 KiB x 2, hot_data 1 MiB x 3, hot_index 256 KiB x 2, raft_data 512 KiB x 2, and
   * the 4 MiB cache.
   */
  public static final long WORST_CASE_BYTES =
      (64L << 10) * 2 * 2
          + (64L << 10) * 2
          + (1L << 20) * 3
          + (256L << 10) * 2
          + (512L << 10) * 2
          + (4L << 20);

  /** The formula check prints for it. */
  public static final String FORMULA =
      "default 64 KiB x 2 + system_meta 64 KiB x 2 + system_index 64 KiB x 2 + hot_data 1 MiB x 3"
          + " + hot_index 256 KiB x 2 + raft_data 512 KiB x 2 + 4 MiB cache";

  private ServerToml() {}

  /** The file's text. */
  public static String text() {
    try (InputStream in = ServerToml.class.getResourceAsStream("server.toml")) {
      if (in == null) {
        throw new IllegalStateException("server.toml is not on the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's text with {@code from} (which must occur) replaced by {@code to}. */
  public static String with(String from, String to) {
    String text = text();
    if (!text.contains(from)) {
      throw new IllegalArgumentException("server.toml has no " + from);
    }
    return text.replace(from, to);
  }
}

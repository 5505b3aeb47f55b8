package org.kalamdb.config;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a commented {@code [rocksdb]} section, alone or merged into an existing file where only
 * that section's lines change and every other byte is kept.
 */
public final class ConfigWriter {
  private ConfigWriter() {}

  /** The commented section, ending with a newline. */
  public static String render(RocksDbConfig config) {
    throw new UnsupportedOperationException("TODO: issue 2");
  }

  /**
   * {@code existing} with its {@code [rocksdb]} block replaced by (or appended with) the section.
   */
  public static String merge(String existing, RocksDbConfig config) {
    throw new UnsupportedOperationException("TODO: issue 2");
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
    throw new UnsupportedOperationException("TODO: issue 2");
  }
}

package org.kalamdb.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The resident set size of this process, from {@code /proc/self/status} (Linux only). */
final class Rss {
  private static final Path STATUS = Path.of("/proc/self/status");

  private Rss() {}

  /** {@code VmRSS} in bytes, or -1 where the file does not exist. */
  static long bytes() {
    if (!Files.isReadable(STATUS)) {
      return -1;
    }
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmRSS:")) {
          String kb = line.substring("VmRSS:".length()).replace("kB", "").trim();
          return Long.parseLong(kb) * 1024;
        }
      }
      return -1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

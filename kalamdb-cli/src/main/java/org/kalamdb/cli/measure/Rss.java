package org.kalamdb.cli.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The resident set size of this process, where the OS tells it: {@code VmRSS} of {@code
 * /proc/self/status} on Linux. Elsewhere (macOS, Windows) it is unavailable, never an error.
 */
final class Rss {
  private static final Path STATUS = Path.of("/proc/self/status");

  private Rss() {}

  /** RSS in bytes, or empty where the OS gives no figure. */
  static OptionalLong current() {
    return read(STATUS);
  }

  /** {@code VmRSS} of a {@code /proc/PID/status} file; empty when missing or unreadable. */
  static OptionalLong read(Path status) {
    if (!Files.isReadable(status)) {
      return OptionalLong.empty();
    }
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          // "VmRSS:     123456 kB"
          String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
          return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.empty();
  }
}

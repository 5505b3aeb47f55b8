package org.kalamdb.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The file descriptors this process holds open (Linux: {@code /proc/self/fd}). */
final class OpenFiles {
  static final Path FDS = Path.of("/proc/self/fd");

  private OpenFiles() {}

  static boolean countable() {
    return Files.isDirectory(FDS);
  }

  static long count() {
    try (Stream<Path> fds = Files.list(FDS)) {
      return fds.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

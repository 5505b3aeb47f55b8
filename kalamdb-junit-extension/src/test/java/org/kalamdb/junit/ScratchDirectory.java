package org.kalamdb.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A directory for the many-store tests: on Linux's tmpfs {@code /dev/shm} where it exists, since
 * RocksDB syncs files on open and close and a shared disk makes a thousand cycles take minutes;
 * elsewhere under {@code java.io.tmpdir}. Deleted by {@link #close()}.
 */
final class ScratchDirectory implements AutoCloseable {
  private final Path path;

  private ScratchDirectory(Path path) {
    this.path = path;
  }

  static ScratchDirectory create() {
    Path shm = Path.of("/dev/shm");
    try {
      Path parent =
          Files.isDirectory(shm) && Files.isWritable(shm)
              ? shm
              : Path.of(System.getProperty("java.io.tmpdir"));
      return new ScratchDirectory(Files.createTempDirectory(parent, "kalamdb-junit-test-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path path() {
    return path;
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> all = Files.walk(path)) {
      for (Path each : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(each);
      }
    }
  }
}

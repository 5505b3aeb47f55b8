package org.kalamdb.cli.measure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where jemalloc's shared library is, for {@code measure --allocator jemalloc}. */
final class JemallocLibrary {
  /** Where Debian, Ubuntu, Fedora, Alpine and source builds put it. */
  static final List<Path> KNOWN_PLACES =
      List.of(
          Path.of("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2"),
          Path.of("/usr/lib/aarch64-linux-gnu/libjemalloc.so.2"),
          Path.of("/usr/lib64/libjemalloc.so.2"),
          Path.of("/usr/lib/libjemalloc.so.2"),
          Path.of("/usr/local/lib/libjemalloc.so.2"));

  private JemallocLibrary() {}

  /** The first of {@link #KNOWN_PLACES} that is a file, if any. */
  static Optional<Path> find() {
    return KNOWN_PLACES.stream().filter(Files::isRegularFile).findFirst();
  }
}

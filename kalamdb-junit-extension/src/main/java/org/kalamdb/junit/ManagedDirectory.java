package org.kalamdb.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The empty directory of a {@code @TempStore Path}: created like a store's, deleted like a store's
 * when its scope ends (as the cleanup mode says), for code that opens its own database in it.
 */
final class ManagedDirectory implements TestResource {
  private final StoreDeclaration declaration;
  private final CleanupMode cleanup;
  private final Path directory;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean failed;

  private ManagedDirectory(StoreDeclaration declaration, CleanupMode cleanup, Path directory) {
    this.declaration = declaration;
    this.cleanup = cleanup;
    this.directory = directory;
  }

  /** Creates a fresh empty directory under the base directory. */
  static ManagedDirectory create(StoreDeclaration declaration, RunParameters parameters) {
    Path directory =
        TempDirectories.create(
            declaration.name(), "directory '" + declaration.name() + "'", parameters);
    return new ManagedDirectory(declaration, parameters.cleanup(), directory);
  }

  Path directory() {
    return directory;
  }

  @Override
  public void markFailed() {
    failed = true;
  }

  /** Deletes the directory as the cleanup mode says; whatever opened a database in it is gone. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true) || !cleanup.deletes(failed)) {
      return;
    }
    try {
      TempDirectories.deleteTree(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "deleting directory "
              + directory
              + " of @TempStore Path '"
              + declaration.name()
              + "' failed",
          e);
    }
  }

  @Override
  public String toString() {
    return "directory '" + declaration.name() + "' " + directory;
  }
}

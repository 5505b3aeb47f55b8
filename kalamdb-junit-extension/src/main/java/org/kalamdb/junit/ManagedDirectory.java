package org.kalamdb.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

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

  /**
   * Creates a fresh empty directory under the base directory; the store attributes of {@code
   * TempStore} make no sense for it and are refused.
   */
  static ManagedDirectory create(StoreDeclaration declaration, RunParameters parameters) {
    refuseStoreAttributes(declaration);
    Path directory =
        TempDirectories.create(
            declaration.name(), "directory '" + declaration.name() + "'", parameters);
    return new ManagedDirectory(declaration, parameters.cleanup(), directory);
  }

  private static void refuseStoreAttributes(StoreDeclaration declaration) {
    TempStore annotation = declaration.annotation().orElseThrow();
    List<String> set = new ArrayList<>();
    if (!annotation.config().isBlank()) {
      set.add("config");
    }
    if (annotation.memoryBudgetMb() != -1 && annotation.memoryBudgetMb() != 0) {
      set.add("memoryBudgetMb");
    }
    if (annotation.columnFamilies().length > 0) {
      set.add("columnFamilies");
    }
    if (!annotation.dialect().isBlank()) {
      set.add("dialect");
    }
    if (!annotation.storage().isBlank()) {
      set.add("storage");
    }
    if (!set.isEmpty()) {
      throw new ExtensionConfigurationException(
          "@TempStore on "
              + declaration.description()
              + " of type java.nio.file.Path sets "
              + String.join(", ", set)
              + ", which only a KalamStore has: the extension creates an empty directory and opens"
              + " nothing in it; remove "
              + (set.size() == 1 ? "it" : "them")
              + " (a database opened there and given to MemoryWatch takes its budget and config"
              + " from @KalamStoreTest and the configuration parameters"
              + (!annotation.storage().isBlank()
                  ? "; the directory is always on disk, and code that wants a memory store"
                      + " declares a @TempStore KalamStore with storage = \"memory\""
                  : "")
              + ")");
    }
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

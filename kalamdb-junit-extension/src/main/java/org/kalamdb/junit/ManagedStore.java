package org.kalamdb.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.kalamdb.store.KalamStore;
import org.kalamdb.store.MemoryUsage;

/**
 * One temporary store of a test: the open {@link KalamStore}, its directory, its settings, and
 * whether a test that could use it failed (which decides cleanup in {@code on_success} mode).
 */
final class ManagedStore {
  private final StoreDeclaration declaration;
  private final StoreSettings settings;
  private final CleanupMode cleanup;
  private final Path directory;
  private final KalamStore store;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean failed;

  private ManagedStore(
      StoreDeclaration declaration,
      StoreSettings settings,
      CleanupMode cleanup,
      Path directory,
      KalamStore store) {
    this.declaration = declaration;
    this.settings = settings;
    this.cleanup = cleanup;
    this.directory = directory;
    this.store = store;
  }

  /** Creates a fresh directory under the base directory and opens a store in it. */
  static ManagedStore open(
      StoreDeclaration declaration, StoreSettings settings, RunParameters parameters) {
    Path directory;
    try {
      Files.createDirectories(parameters.baseDir());
      directory = Files.createTempDirectory(parameters.baseDir(), prefix(declaration.name()));
    } catch (IOException | RuntimeException e) {
      throw new ExtensionConfigurationException(
          "cannot create a directory for store '"
              + declaration.name()
              + "' under "
              + parameters.baseDir()
              + " (configuration parameter "
              + RunParameters.BASE_DIR
              + "): "
              + e,
          e);
    }
    try {
      KalamStore store =
          KalamStore.open(directory, settings.config().config(), settings.columnFamilies());
      return new ManagedStore(declaration, settings, parameters.cleanup(), directory, store);
    } catch (RuntimeException e) {
      ExtensionConfigurationException failure =
          new ExtensionConfigurationException(
              "cannot open store '"
                  + declaration.name()
                  + "' ("
                  + declaration.description()
                  + ") with config "
                  + settings.config().file()
                  + " and column families "
                  + settings.columnFamilies()
                  + ": "
                  + e.getMessage(),
              e);
      try {
        deleteTree(directory);
      } catch (IOException deletion) {
        failure.addSuppressed(deletion);
      }
      throw failure;
    }
  }

  private static String prefix(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9_.-]", "_");
    return "kalamdb-" + safe.toLowerCase(Locale.ROOT) + "-";
  }

  KalamStore store() {
    return store;
  }

  String name() {
    return declaration.name();
  }

  StoreDeclaration declaration() {
    return declaration;
  }

  StoreSettings settings() {
    return settings;
  }

  Path directory() {
    return directory;
  }

  /** Notes that a test that could use this store failed. */
  void markFailed() {
    failed = true;
  }

  /**
   * Starts a new peak measurement, for the next test. A store an earlier test closed is left alone:
   * a later test that does not use it must not fail for it, and one that does gets the store's own
   * "is closed" error.
   */
  void resetPeak() {
    try {
      store.resetPeak();
    } catch (IllegalStateException closedByATest) {
      // Nothing to measure; the budget check skips closed stores too.
    }
  }

  /**
   * The highest accounted memory since the last reset; the store samples once more when asked, so a
   * store whose background sampler had no chance to run still reports what it holds now.
   */
  MemoryUsage peak() {
    return store.peakMemoryUsage();
  }

  /**
   * Closes the store (once, however often it is called) and then deletes its directory as the
   * cleanup mode says. Throws the first failure, later ones suppressed.
   */
  void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<RuntimeException> failures = new ArrayList<>();
    try {
      store.close();
    } catch (RuntimeException e) {
      failures.add(
          new IllegalStateException(
              "closing store '" + name() + "' in " + directory + " failed", e));
    }
    if (cleanup.deletes(failed)) {
      try {
        deleteTree(directory);
      } catch (IOException e) {
        failures.add(
            new UncheckedIOException(
                "deleting directory " + directory + " of store '" + name() + "' failed", e));
      }
    }
    Failures.throwIfAny(failures);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  @Override
  public String toString() {
    return "store '" + name() + "' in " + directory;
  }
}

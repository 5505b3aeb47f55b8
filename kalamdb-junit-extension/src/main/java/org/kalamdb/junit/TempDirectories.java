package org.kalamdb.junit;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.kalamdb.config.ConfigFileException;

/** Creates and deletes the fresh directories of stores and of {@code @TempStore Path}s. */
final class TempDirectories {
  private TempDirectories() {}

  /**
   * A new empty directory under the base directory, named after the declaration.
   *
   * @param what the resource as messages name it, e.g. {@code store 'orders'}
   * @throws ExtensionConfigurationException naming the base directory and its parameter
   */
  static Path create(String name, String what, RunParameters parameters) {
    try {
      Files.createDirectories(parameters.baseDir());
      return Files.createTempDirectory(parameters.baseDir(), prefix(name));
    } catch (FileAlreadyExistsException e) {
      // createDirectories met a file where a directory belongs: the base directory or a parent.
      throw cannotCreate(
          what,
          parameters,
          ConfigFileException.reason(e)
              + "; point "
              + RunParameters.BASE_DIR
              + " at a directory (it is created if missing)",
          e);
    } catch (IOException e) {
      throw cannotCreate(what, parameters, ConfigFileException.reason(e), e);
    } catch (RuntimeException e) {
      throw cannotCreate(what, parameters, e.toString(), e);
    }
  }

  private static ExtensionConfigurationException cannotCreate(
      String what, RunParameters parameters, String reason, Exception cause) {
    return new ExtensionConfigurationException(
        "cannot create a directory for "
            + what
            + " under "
            + parameters.baseDir()
            + " (configuration parameter "
            + RunParameters.BASE_DIR
            + "): "
            + reason,
        cause);
  }

  /**
   * A fresh name for a memory store: a path under the base directory that is never created, as the
   * store's files live in its own in-memory file system. Unique in the JVM, so that messages and
   * report entries tell stores apart.
   */
  static Path inMemory(String name, RunParameters parameters) {
    return parameters.baseDir().resolve(prefix(name) + "mem" + NEXT_IN_MEMORY.incrementAndGet());
  }

  private static final AtomicLong NEXT_IN_MEMORY = new AtomicLong();

  /**
   * The longest part of a declaration's name a directory name takes: file systems allow 255 bytes
   * per name, so a long field or method name would otherwise fail as if the base directory were
   * wrong. The random suffix keeps directories apart.
   */
  static final int MAX_NAME_IN_PREFIX = 64;

  private static String prefix(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9_.-]", "_");
    if (safe.length() > MAX_NAME_IN_PREFIX) {
      safe = safe.substring(0, MAX_NAME_IN_PREFIX);
    }
    return "kalamdb-" + safe.toLowerCase(Locale.ROOT) + "-";
  }

  /** Deletes a directory and everything in it; a missing directory is fine. */
  static void deleteTree(Path root) throws IOException {
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
}

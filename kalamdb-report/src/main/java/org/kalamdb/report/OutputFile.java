package org.kalamdb.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import org.kalamdb.config.FileKind;

/**
 * Writes a generated file (the HTML page, a plot) whole or not at all: a temporary file beside it,
 * then a move. An existing target that is not a regular file (a directory, a named pipe, a device)
 * is refused untouched, so that a typo never replaces a directory or blocks on a pipe; a symbolic
 * link is followed and stays a link.
 */
public final class OutputFile {
  private OutputFile() {}

  /**
   * Writes {@code content} as UTF-8 to {@code file}, creating its directory.
   *
   * @throws FileSystemException when {@code file} exists and is not a regular file; its {@link
   *     FileSystemException#getReason() reason} says what it is, e.g. {@code is a directory, not a
   *     regular file}
   * @throws IOException when it cannot be written
   */
  public static void write(Path file, String content) throws IOException {
    Path target = regularOrAbsent(file.toAbsolutePath());
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      modes(temp, target);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * A temporary file is private (0600): the file written keeps the mode of the one it replaces, or
   * gets 0644 like any file a build writes.
   */
  private static void modes(Path temp, Path target) throws IOException {
    try {
      Files.setPosixFilePermissions(
          temp,
          Files.exists(target)
              ? Files.getPosixFilePermissions(target)
              : PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the moved file inherits the directory's ACL.
    }
  }

  /**
   * Refuses a file that exists and is not a regular file, before anything is written.
   *
   * @throws FileSystemException as {@link #write} does
   */
  public static void checkWritable(Path file) throws IOException {
    regularOrAbsent(file.toAbsolutePath());
  }

  /** The path to write: {@code file}, or the target of the symbolic link {@code file} is. */
  private static Path regularOrAbsent(Path file) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      if (Files.isSymbolicLink(file)) {
        throw new FileSystemException(
            file.toString(), null, "is a symbolic link to a file that does not exist");
      }
      return file;
    }
    if (!attributes.isRegularFile()) {
      throw new FileSystemException(
          file.toString(), null, FileKind.of(file, attributes) + ", not a regular file");
    }
    return Files.isSymbolicLink(file) ? file.toRealPath() : file;
  }
}

package org.kalamdb.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
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
   * Refuses, before anything is written, a file that exists and is not a regular file, and a place
   * where no file can be written (a parent that is a file, a read-only directory).
   *
   * @throws FileSystemException as {@link #write} does
   */
  public static void checkWritable(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path above = nearestExisting(absolute.getParent());
    if (above != null && !Files.isDirectory(above)) {
      throw new NotDirectoryException(absolute.toString());
    }
    Path target = regularOrAbsent(absolute);
    Path dir = target.getParent();
    Path existing = nearestExisting(dir);
    if (existing == null) {
      return;
    }
    // Writing needs a new file in the directory (then a move): try exactly that, so that a
    // read-only place is refused now, not after minutes of work. Directories made for the try are
    // removed again: until the write, nothing is left behind.
    List<Path> missing = new ArrayList<>();
    for (Path at = dir; !at.equals(existing); at = at.getParent()) {
      missing.add(0, at);
    }
    List<Path> made = new ArrayList<>();
    try {
      for (Path each : missing) {
        made.add(0, Files.createDirectory(each));
      }
      Files.delete(Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp"));
    } catch (FileAlreadyExistsException raced) {
      // Another process made a directory meanwhile: the write itself will tell.
    } finally {
      for (Path each : made) {
        Files.deleteIfExists(each);
      }
    }
  }

  /**
   * Whether writing {@code output} would replace {@code input}: the same file by real path
   * (symbolic links and {@code ..} resolved), or by identity (a hard link). An output must never be
   * one of the inputs of the run that writes it.
   */
  public static boolean sameFile(Path output, Path input) {
    if (RealPath.of(output).equals(RealPath.of(input))) {
      return true;
    }
    try {
      return Files.exists(output) && Files.exists(input) && Files.isSameFile(output, input);
    } catch (IOException unknown) {
      return false; // then neither can be read now; the real path decided
    }
  }

  /** {@code dir} or its nearest ancestor that exists (links followed), {@code null} for none. */
  private static Path nearestExisting(Path dir) {
    Path at = dir;
    while (at != null && !Files.exists(at)) {
      at = at.getParent();
    }
    return at;
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

package org.kalamdb.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a file that is not a regular file is, in the words of {@code ls -l}'s first column: the
 * reason every reader and writer of the toolkit gives when it refuses one.
 */
public final class FileKind {
  private FileKind() {}

  /**
   * E.g. {@code is a named pipe (FIFO)}.
   *
   * @param file the file, for its Unix mode
   * @param attributes its attributes, read already
   */
  public static String of(Path file, BasicFileAttributes attributes) {
    if (attributes.isDirectory()) {
      return "is a directory";
    }
    try {
      int type = (Integer) Files.getAttribute(file, "unix:mode") & 0170000;
      switch (type) {
        case 0010000:
          return "is a named pipe (FIFO)";
        case 0020000:
          return "is a character device";
        case 0060000:
          return "is a block device";
        case 0140000:
          return "is a socket";
        default:
          break;
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException notUnix) {
      // Windows: no file type beyond "other".
    }
    return "is a special file";
  }
}

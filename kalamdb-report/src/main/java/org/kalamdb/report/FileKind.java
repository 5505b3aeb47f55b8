package org.kalamdb.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** What a file that is not a regular file is, in the words of {@code ls -l}'s first column. */
final class FileKind {
  private FileKind() {}

  /** E.g. {@code is a named pipe (FIFO)}. */
  static String of(Path file, BasicFileAttributes attributes) {
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

package org.kalamdb.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file's content so that readers see the old file or the new one, never half of it: the
 * bytes go to a temporary file in the same directory, which is then moved over the target.
 */
final class AtomicFileWrite {
  private AtomicFileWrite() {}

  static void replace(Path target, byte[] content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
    try {
      writeDurably(temp, content);
      keepPermissions(absolute, temp);
      try {
        Files.move(
            temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Writes and forces the bytes to disk before the move: otherwise a crash right after the rename
   * can leave the config file empty on file systems that reorder data and metadata writes.
   */
  private static void writeDurably(Path temp, byte[] content) throws IOException {
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  /** A temporary file is private (0600); the config file keeps its modes, a new one gets 0644. */
  private static void keepPermissions(Path target, Path temp) throws IOException {
    try {
      Set<PosixFilePermission> modes =
          Files.exists(target)
              ? Files.getPosixFilePermissions(target)
              : PosixFilePermissions.fromString("rw-r--r--");
      Files.setPosixFilePermissions(temp, modes);
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the moved file inherits the directory's ACL, which is what the user expects.
    }
  }
}

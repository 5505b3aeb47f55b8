package org.kalamdb.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Replaces a config file's content so that readers see the old file or the new one, never half of
 * it: the bytes go to a temporary file in the same directory, which gets the old file's owner,
 * group and mode (setuid and sticky bits included) and is then moved over it.
 *
 * <p>A symbolic link is followed: its target is replaced, the link stays. A file with more than one
 * hard link is written in place instead (its content replaced and forced to disk), because a move
 * would give only this name the new content and silently split the links. Anything that is not a
 * regular file is refused, and so is a file whose owner or group the new file cannot get (only root
 * may give a file away).
 */
final class AtomicFileWrite {
  private static final int PERMISSION_BITS = 07777;

  private AtomicFileWrite() {}

  /** The file a write of {@code target} changes: the final target of a symbolic link. */
  static Path resolve(Path target) throws ConfigFileException {
    if (!Files.isSymbolicLink(target)) {
      return target;
    }
    try {
      return target.toRealPath();
    } catch (NoSuchFileException e) {
      throw new ConfigFileException(target, "is a symbolic link to a file that does not exist");
    } catch (IOException e) {
      throw ConfigFileException.of(target, e, " (following the symbolic link)");
    }
  }

  static void replace(Path target, byte[] content) throws ConfigFileException {
    try {
      replaceOrFail(target, content);
    } catch (ConfigFileException e) {
      throw e.writing();
    } catch (IOException e) {
      throw ConfigFileException.of(target, e).writing();
    }
  }

  private static void replaceOrFail(Path target, byte[] content) throws IOException {
    Path absolute = target.toAbsolutePath();
    BasicFileAttributes existing = ConfigFiles.regularOrAbsent(absolute);
    Owners owners = existing == null ? null : Owners.of(absolute);
    if (owners != null && owners.links() > 1) {
      writeInPlace(absolute, content);
      return;
    }
    Path dir = absolute.getParent();
    Path temp;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
    } catch (IOException e) {
      throw ConfigFileException.of(absolute, e, " (creating a temporary file in " + dir + ")");
    }
    try {
      writeDurably(temp, content);
      if (owners == null) {
        newFileModes(temp);
      } else {
        owners.copyTo(temp, absolute);
      }
      move(temp, absolute);
    } catch (ConfigFileException e) {
      throw e;
    } catch (IOException e) {
      throw ConfigFileException.of(absolute, e, " (writing " + temp + ")");
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void move(Path temp, Path target) throws ConfigFileException {
    try {
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw ConfigFileException.of(target, e, " (replacing it with " + temp + ")");
    }
  }

  /**
   * Writes and forces the bytes to disk before the move: otherwise a crash right after the rename
   * can leave the config file empty on file systems that reorder data and metadata writes.
   */
  private static void writeDurably(Path temp, byte[] content) throws IOException {
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      writeAll(channel, content);
      channel.force(true);
    }
  }

  /**
   * A hard-linked file keeps its inode: the new content goes over the old, the rest is cut off and
   * everything is forced to disk. Not atomic, but the content was parsed back before this.
   */
  private static void writeInPlace(Path file, byte[] content) throws ConfigFileException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      writeAll(channel, content);
      channel.truncate(content.length);
      channel.force(true);
    } catch (IOException e) {
      throw ConfigFileException.of(file, e, " (writing the hard-linked file in place)");
    }
  }

  private static void writeAll(FileChannel channel, byte[] content) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(content);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /**
   * A temporary file is private (0600); a new config file gets 0644 (less the umask on Windows).
   */
  private static void newFileModes(Path temp) throws IOException {
    try {
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the moved file inherits the directory's ACL, which is what the user expects.
    }
  }

  /** The owner, group, mode and link count of an existing file, where the file system has them. */
  private record Owners(PosixFileAttributes posix, int uid, int gid, int mode, int links) {

    static Owners of(Path file) throws ConfigFileException {
      try {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("unix")) {
          PosixFileAttributes posix = posix(file);
          return posix == null ? null : new Owners(posix, -1, -1, -1, 1);
        }
        return new Owners(
            posix(file),
            (Integer) Files.getAttribute(file, "unix:uid"),
            (Integer) Files.getAttribute(file, "unix:gid"),
            (Integer) Files.getAttribute(file, "unix:mode") & PERMISSION_BITS,
            (Integer) Files.getAttribute(file, "unix:nlink"));
      } catch (IOException e) {
        throw ConfigFileException.of(file, e, " (reading its owner and mode)");
      }
    }

    private static PosixFileAttributes posix(Path file) throws IOException {
      try {
        return Files.readAttributes(file, PosixFileAttributes.class);
      } catch (UnsupportedOperationException notPosix) {
        return null;
      }
    }

    /** Gives {@code temp} the owner, then the mode: chown clears the setuid and setgid bits. */
    void copyTo(Path temp, Path target) throws IOException {
      if (posix == null) {
        return;
      }
      if (uid < 0) {
        Files.setPosixFilePermissions(temp, posix.permissions());
        return;
      }
      try {
        if ((Integer) Files.getAttribute(temp, "unix:uid") != uid) {
          Files.setAttribute(temp, "unix:uid", uid);
        }
        if ((Integer) Files.getAttribute(temp, "unix:gid") != gid) {
          Files.setAttribute(temp, "unix:gid", gid);
        }
      } catch (FileSystemException e) {
        throw new ConfigFileException(
            target,
            "it belongs to "
                + posix.owner().getName()
                + ":"
                + posix.group().getName()
                + " and a new file cannot be given that owner and group ("
                + ConfigFileException.reason(e)
                + "); run the command as that user, or copy the section in by hand");
      }
      Files.setAttribute(temp, "unix:mode", mode);
    }
  }
}

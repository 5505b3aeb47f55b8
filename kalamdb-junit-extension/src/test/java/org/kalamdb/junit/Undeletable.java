package org.kalamdb.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Puts a file into a directory that nobody can delete until {@link #close()}: made immutable with
 * {@code chattr +i} when running as root (root ignores permissions), else held in a read-only
 * subdirectory. Real file-system failures, for testing how the extension reports them.
 */
final class Undeletable implements AutoCloseable {
  private final Path pinnedDir;
  private final boolean immutable;

  private Undeletable(Path pinnedDir, boolean immutable) {
    this.pinnedDir = pinnedDir;
    this.immutable = immutable;
  }

  /** Whether this machine can pin files (Linux or macOS with POSIX permissions). */
  static boolean supported() {
    return Files.isDirectory(Path.of("/proc/self"));
  }

  static Undeletable pinInto(Path directory) throws IOException {
    Path pinnedDir = Files.createDirectory(directory.resolve("pinned"));
    Path file = Files.writeString(pinnedDir.resolve("file"), "cannot be deleted");
    if (isRoot()) {
      run("chattr", "+i", file.toString());
      return new Undeletable(pinnedDir, true);
    }
    Files.setPosixFilePermissions(pinnedDir, PosixFilePermissions.fromString("r-xr-xr-x"));
    return new Undeletable(pinnedDir, false);
  }

  @Override
  public void close() throws IOException {
    if (immutable) {
      run("chattr", "-i", pinnedDir.resolve("file").toString());
    } else {
      Files.setPosixFilePermissions(pinnedDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private static boolean isRoot() throws IOException {
    return Files.readAllLines(Path.of("/proc/self/status")).stream()
        .anyMatch(line -> line.startsWith("Uid:") && line.split("\\s+")[1].equals("0"));
  }

  private static void run(String... command) throws IOException {
    Process process = new ProcessBuilder(List.of(command)).inheritIO().start();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("failed: " + String.join(" ", command));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
  }
}

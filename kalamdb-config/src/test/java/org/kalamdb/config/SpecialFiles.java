package org.kalamdb.config;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/** Real special files for tests: named pipes and devices made by the system's own tools. */
public final class SpecialFiles {
  private SpecialFiles() {}

  /** A named pipe at {@code path}; the test is skipped where {@code mkfifo} does not exist. */
  public static Path fifo(Path path) throws IOException, InterruptedException {
    run("mkfifo", path.toString());
    return path;
  }

  /** A character device like /dev/null at {@code path}; skipped unless root on Linux. */
  public static Path charDevice(Path path) throws IOException, InterruptedException {
    run("mknod", path.toString(), "c", "1", "3");
    return path;
  }

  /** A sparse file of {@code size} bytes: big on paper, instant to make. */
  public static Path sized(Path path, long size) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
      file.setLength(size);
    }
    return path;
  }

  /** Runs a command; skips the test when it cannot run or fails. */
  public static void run(String... command) throws IOException, InterruptedException {
    int code;
    try {
      code = new ProcessBuilder(command).inheritIO().start().waitFor();
    } catch (IOException notThere) {
      code = -1;
    }
    assumeTrue(code == 0, () -> String.join(" ", command) + " is not available here");
  }
}

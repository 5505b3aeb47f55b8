package org.kalamdb.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The process's resident set size, read from Linux's /proc. */
final class ResidentMemory {
  private ResidentMemory() {}

  /** VmRSS in bytes; skips the calling test where /proc is not there. */
  static long bytes() throws IOException {
    Path status = Path.of("/proc/self/status");
    Assumptions.assumeTrue(Files.exists(status), "needs /proc/self/status");
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) << 10;
      }
    }
    throw new IllegalStateException("no VmRSS line in " + status);
  }
}

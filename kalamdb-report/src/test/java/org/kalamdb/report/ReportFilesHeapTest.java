package org.kalamdb.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report file under the limit that still runs the heap out: one line naming it, in a real JVM.
 */
class ReportFilesHeapTest {
  @TempDir Path dir;

  /** Loads the file given and prints each problem line: run with a small heap. */
  public static void main(String[] args) {
    ReportFiles.load(List.of(Path.of(args[0])), p -> p.getFileName().toString())
        .problems()
        .forEach(System.out::println);
  }

  @Test
  void runningOutOfHeapReadingAReportIsOneLineNamingTheFile() throws Exception {
    Path file = dir.resolve("kalamdb-memory-1.json");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("{\"format\": 1, \"source\": \"");
      char[] chunk = new char[1 << 20];
      java.util.Arrays.fill(chunk, 'x');
      for (int i = 0; i < 30; i++) {
        out.write(chunk); // 30 MB: under the limit, over what a 24 MB heap reads
      }
      out.write("\", \"tests\": [], \"timeline\": [], \"crossings\": []}");
    }

    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx24m",
                "-cp",
                System.getProperty("java.class.path"),
                ReportFilesHeapTest.class.getName(),
                file.toString())
            .redirectErrorStream(true)
            .start();
    String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(child.exitValue()).as(printed).isZero();
    assertThat(printed.strip())
        .isEqualTo(
            "kalamdb-memory-1.json: error: out of memory while reading the file (Java heap"
                + " space); memory report files are at most 32 MiB");
  }
}

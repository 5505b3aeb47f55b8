package org.kalamdb.cli.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasureReportTest {

  @Test
  void printsOneRowPerRunWithFailuresAndUnavailableRss() {
    WorkerResult ok =
        new WorkerResult(
            "seed",
            57,
            true,
            null,
            300L << 20,
            290L << 20,
            8L << 20,
            2L << 20,
            350L << 20,
            57L * 4 * 1040 * 1024,
            42.25,
            57 * 4096,
            120.0,
            12,
            3456,
            "glibc",
            "glibc malloc (default settings)",
            new RssParts(
                350L << 20, 30L << 20, 5L << 20, 280L << 20, 10L << 20, 25L << 20, 20L << 20));
    WorkerResult noRss =
        new WorkerResult(
            "defaults",
            6,
            true,
            null,
            50L << 20,
            50L << 20,
            0,
            0,
            null,
            1,
            10.0,
            1,
            20.0,
            0,
            100,
            "glibc",
            "glibc malloc (default settings)",
            null);
    WorkerResult failed = WorkerResult.failed("config", 200, "Too many open files");
    MeasureReport report =
        new MeasureReport(
            new MeasureReport.Machine("Linux 6", "amd64", 2, "OpenJDK 17"),
            64,
            4,
            1024,
            "sequential",
            List.of(ok, noRss, failed));
    StringWriter text = new StringWriter();

    report.print(new PrintWriter(text));

    assertThat(text.toString())
        .contains(
            "4 MB of random 1024-byte values per column family, sequential keys, worker heap 64 MB")
        .containsPattern(
            "\\| seed settings +\\| 57 +\\| 300\\.0 MB +\\| 290\\.0 MB +\\| 8\\.0 MB +\\| 2\\.0 MB"
                + " +\\| 350\\.0 MB +\\| 42\\.3 +\\| 120\\.0 +\\| 12 +\\| 3\\.5 s +\\|")
        .containsPattern("\\| RocksDB defaults +\\| 6 +\\| 50\\.0 MB .*\\| unavailable +\\|")
        .containsPattern("\\| config +\\| 200 +\\| failed: Too many open files +\\|")
        .contains("allocator: glibc malloc (default settings)")
        // The parts add up to the growth; growth / accounted peak is 350 / 300.
        .containsPattern(
            "\\| seed settings +\\| 57 +\\| glibc malloc \\(default settings\\) +\\| 350\\.0 MB +\\|"
                + " 30\\.0 MB +\\| 5\\.0 MB +\\| 280\\.0 MB +\\| 10\\.0 MB +\\| 25\\.0 MB +\\| 1\\.17x +\\|"
                + " 20\\.0 MB +\\|");
  }
}

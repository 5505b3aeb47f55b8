package org.kalamdb.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryReportJsonTest {
  @TempDir Path dir;

  static MemoryReport sample() {
    Map<String, Long> parts = new LinkedHashMap<>();
    parts.put("memtables", 3_000_000L);
    parts.put("blockCache", 1_000L);
    parts.put("tableReaders", 0L);
    StoreRecord store =
        new StoreRecord(
            "store",
            "store",
            "disk",
            64L << 20,
            "@KalamStoreTest(memoryBudgetMb)",
            3_001_000L,
            parts,
            false);
    TestRecord test =
        new TestRecord(
            "[engine:junit-jupiter]/[class:a.B]/[method:t()]",
            "a.B",
            "t()",
            "passed",
            5,
            40,
            null,
            List.of(store));
    return new MemoryReport(
        MemoryReport.FORMAT,
        "demo 123@host",
        1_700_000_000_000L,
        50,
        null,
        List.of(test),
        List.of(new TimelinePoint(0, 0), new TimelinePoint(20, 3_001_000)),
        List.of(),
        "glibc malloc (MALLOC_ARENA_MAX=2)");
  }

  @Test
  void aReportReadsBackEqualWithItsComponentOrder() throws IOException {
    Path file = dir.resolve("reports").resolve(MemoryReportJson.FILE_NAME);
    MemoryReportJson.write(file, sample());

    MemoryReport back = MemoryReportJson.read(file);

    assertThat(back).isEqualTo(sample());
    assertThat(back.tests().get(0).stores().get(0).components().keySet())
        .containsExactly("memtables", "blockCache", "tableReaders");
    assertThat(back.tests().get(0).peakBytes()).isEqualTo(3_001_000L);
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
    // Readable like any file a build writes (a CI artifact, a file share), not private.
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void aFileThatIsNotAReportIsNamedWithItsLineAndColumn() throws IOException {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{\n  \"format\": 1,\n  \"tests\": [ oops ]\n}\n");

    assertThatThrownBy(() -> MemoryReportJson.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith(file + ":3:")
        .hasMessageContaining("not a kalamdb memory report");
  }

  @Test
  void anotherFormatVersionIsRefused() throws IOException {
    Path file = dir.resolve("future.json");
    Files.writeString(file, "{\"format\": 2, \"tests\": [], \"timeline\": [], \"crossings\": []}");

    assertThatThrownBy(() -> MemoryReportJson.read(file))
        .isInstanceOf(IOException.class)
        .hasMessage(file + ": memory report format 2, this version reads format 1");
  }
}

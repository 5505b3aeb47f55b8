package org.kalamdb.report;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.config.ConfigFileException;

class ReportFilesTest {
  @TempDir Path dir;

  private final Function<Path, String> shown = p -> dir.relativize(p.toAbsolutePath()).toString();

  private static void mkfifo(Path path) throws Exception {
    assertThat(new ProcessBuilder("mkfifo", path.toString()).start().waitFor()).isZero();
  }

  @Test
  void aDirectoryGivesEveryReportFileInNameOrderAndAFileReachedTwiceIsReadOnce()
      throws IOException {
    Path forks = Files.createDirectories(dir.resolve("forks"));
    MemoryReportJson.write(forks.resolve("kalamdb-memory-2.json"), SampleReports.forkTwo());
    MemoryReportJson.write(forks.resolve("kalamdb-memory-1.json"), SampleReports.forkOne());
    Files.writeString(forks.resolve("other.json"), "not read");
    Files.writeString(forks.resolve("kalamdb-memory.html"), "not read");

    LoadedReports loaded =
        ReportFiles.load(
            List.of(forks, forks.resolve("kalamdb-memory-1.json"), dir.resolve("absent")), shown);

    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.files())
        .containsExactly(
            forks.resolve("kalamdb-memory-1.json"), forks.resolve("kalamdb-memory-2.json"));
    assertThat(loaded.reports()).containsExactly(SampleReports.forkOne(), SampleReports.forkTwo());
    assertThat(loaded.missing()).containsExactly(dir.resolve("absent"));
  }

  @Test
  void everyUnreadableFileIsOneLocatedLineAndTheOthersAreStillRead() throws Exception {
    Path forks = Files.createDirectories(dir.resolve("forks"));
    MemoryReportJson.write(forks.resolve("kalamdb-memory-1.json"), SampleReports.forkOne());
    Files.writeString(
        forks.resolve("kalamdb-memory-2.json"), "{\n  \"format\": 1,\n  \"tests\": [ oops ]\n}\n");
    Files.writeString(forks.resolve("kalamdb-memory-3.json"), "{\"format\": 7}");
    mkfifo(forks.resolve("kalamdb-memory-4.json"));
    Files.writeString(forks.resolve("kalamdb-memory-6.json"), "{\"format\": 1, \"tests\": []}");
    Files.createDirectory(forks.resolve("kalamdb-memory-5.json"));

    LoadedReports loaded = ReportFiles.load(List.of(forks), shown);

    assertThat(loaded.reports()).containsExactly(SampleReports.forkOne());
    assertThat(loaded.problems()).hasSize(5);
    assertThat(loaded.problems().get(0))
        .startsWith("forks/kalamdb-memory-2.json:3:14: error: not a kalamdb memory report: ")
        .doesNotContain("\n");
    assertThat(loaded.problems().get(1))
        .isEqualTo(
            "forks/kalamdb-memory-3.json: error: memory report format 7, this version reads format 1");
    assertThat(loaded.problems().get(2))
        .isEqualTo(
            "forks/kalamdb-memory-4.json: error: cannot read file: is a named pipe (FIFO), not a"
                + " regular file");
    assertThat(loaded.problems().get(3))
        .isEqualTo(
            "forks/kalamdb-memory-5.json: error: cannot read file: is a directory, not a regular"
                + " file");
    assertThat(loaded.problems().get(4))
        .isEqualTo(
            "forks/kalamdb-memory-6.json: error: not a kalamdb memory report: no \"timeline\" array");
  }

  @Test
  void outputFileReplacesARegularFileAndRefusesADirectoryOrAPipeUntouched() throws Exception {
    Path page = dir.resolve("out/sub/page.html");
    OutputFile.write(page, "one");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(page)))
        .isEqualTo("rw-r--r--");
    Files.setPosixFilePermissions(page, PosixFilePermissions.fromString("rw-rw----"));
    OutputFile.write(page, "two");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(page)))
        .isEqualTo("rw-rw----");
    Path directory = Files.createDirectory(dir.resolve("taken"));
    Path pipe = dir.resolve("pipe");
    mkfifo(pipe);
    Path link = dir.resolve("link.html");
    Files.createSymbolicLink(link, page);

    OutputFile.write(link, "three");

    assertThat(Files.readString(page)).isEqualTo("three");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    try (var left = Files.list(page.getParent())) {
      assertThat(left).containsExactly(page);
    }
    assertThatThrownBy(() -> OutputFile.write(directory, "x"))
        .isInstanceOf(FileSystemException.class)
        .extracting(e -> ((FileSystemException) e).getReason())
        .isEqualTo("is a directory, not a regular file");
    assertThatThrownBy(() -> OutputFile.checkWritable(pipe))
        .extracting(e -> ((FileSystemException) e).getReason())
        .isEqualTo("is a named pipe (FIFO), not a regular file");
    assertThat(Files.isDirectory(directory)).isTrue();
    assertThat(Files.isRegularFile(pipe)).isFalse();
  }

  /** A small report, one test with one store, one field a line where it matters. */
  private static final String REPORT =
      """
      {"format": 1, "source": "s", "startedAtEpochMillis": 0, "durationMillis": 50,
        "tests": [
          {"uniqueId": "u", "className": "a.B", "displayName": "t()", "status": "passed",
            "startMillis": 5, "endMillis": 40, "stores": [
              {"name": "store", "kind": "store", "storage": "disk", "peakBytes": 7,
                "components": {"memtables": 7}}]}],
        "timeline": [{"atMillis": 0, "totalBytes": 7}],
        "crossings": []}
      """;

  private List<String> problemsOf(String content) throws IOException {
    Path file = dir.resolve("kalamdb-memory-1.json");
    Files.writeString(file, content);
    LoadedReports loaded = ReportFiles.load(List.of(file), shown);
    assertThat(loaded.problems()).allSatisfy(line -> assertThat(line).doesNotContain("java."));
    return loaded.problems();
  }

  @Test
  void theSmallReportOfTheseTestsIsRead() throws IOException {
    assertThat(problemsOf(REPORT)).isEmpty();
  }

  @Test
  void aFileReachedTwiceThroughSymbolicLinksIsReadOnce() throws IOException {
    Path forks = Files.createDirectories(dir.resolve("forks"));
    MemoryReportJson.write(forks.resolve("kalamdb-memory-1.json"), SampleReports.forkOne());
    Path linkedDir = Files.createSymbolicLink(dir.resolve("linked"), forks);
    Path linkedFile =
        Files.createSymbolicLink(
            dir.resolve("kalamdb-memory-9.json"), forks.resolve("kalamdb-memory-1.json"));

    LoadedReports loaded =
        ReportFiles.load(
            List.of(forks.resolve("kalamdb-memory-1.json"), linkedDir, linkedFile, dir), shown);

    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.files()).containsExactly(forks.resolve("kalamdb-memory-1.json"));
    assertThat(loaded.reports()).containsExactly(SampleReports.forkOne());
  }

  @Test
  void anythingAfterTheOneReportOfAFileIsAnErrorNamingItsLine() throws IOException {
    assertThat(problemsOf(REPORT + REPORT))
        .containsExactly(
            "kalamdb-memory-1.json:9:1: error: not a kalamdb memory report: more after its JSON"
                + " document (a file holds one report)");
    assertThat(problemsOf(REPORT + "\n  garbage"))
        .containsExactly(
            "kalamdb-memory-1.json:10:3: error: not a kalamdb memory report: more after its JSON"
                + " document (a file holds one report)");
    assertThat(problemsOf(REPORT + "\n\n  \n")).isEmpty();
  }

  @Test
  void aMissingListOrANullInOneIsNamedByItsPlaceInTheReport() throws IOException {
    assertThat(problemsOf(REPORT.replace(", \"stores\": [", ", \"x\": [")))
        .singleElement(as(STRING))
        .startsWith("kalamdb-memory-1.json:6:")
        .endsWith(": error: not a kalamdb memory report: tests[0].stores is missing");
    assertThat(
            problemsOf(
                REPORT.replace("\"components\": {\"memtables\": 7}", "\"components\": null")))
        .singleElement(as(STRING))
        .startsWith("kalamdb-memory-1.json:6:")
        .endsWith(": error: not a kalamdb memory report: tests[0].stores[0].components is missing");
    assertThat(problemsOf(REPORT.replace("\"memtables\": 7", "\"memtables\": null")))
        .singleElement(as(STRING))
        .endsWith(
            ": error: not a kalamdb memory report: tests[0].stores[0].components.memtables is null");
    assertThat(problemsOf(REPORT.replace("\"tests\": [", "\"tests\": [null, ")))
        .singleElement(as(STRING))
        .endsWith(": error: not a kalamdb memory report: tests[0] is null");
    assertThat(
            problemsOf(
                REPORT.replace(
                    "\"crossings\": []", "\"crossings\": [{\"testIds\": [null], \"shares\": []}]")))
        .singleElement(as(STRING))
        .endsWith(": error: not a kalamdb memory report: crossings[0].testIds[0] is null");
  }

  @Test
  void aNegativeFigureIsAnErrorNamingItsField() throws IOException {
    assertThat(problemsOf(REPORT.replace("\"peakBytes\": 7", "\"peakBytes\": -7")))
        .singleElement(as(STRING))
        .startsWith("kalamdb-memory-1.json:6:")
        .endsWith(
            ": error: not a kalamdb memory report: tests[0].stores[0].peakBytes is -7, must be >= 0");
    assertThat(problemsOf(REPORT.replace("\"memtables\": 7", "\"memtables\": -1")))
        .singleElement(as(STRING))
        .endsWith(
            ": error: not a kalamdb memory report: tests[0].stores[0].components.memtables is -1,"
                + " must be >= 0");
    assertThat(problemsOf(REPORT.replace("\"totalBytes\": 7", "\"totalBytes\": -2")))
        .singleElement(as(STRING))
        .startsWith("kalamdb-memory-1.json:7:")
        .endsWith(
            ": error: not a kalamdb memory report: timeline[0].totalBytes is -2, must be >= 0");
    assertThat(problemsOf(REPORT.replace("\"endMillis\": 40", "\"endMillis\": -40")))
        .singleElement(as(STRING))
        .endsWith(": error: not a kalamdb memory report: tests[0].endMillis is -40, must be >= 0");
  }

  @Test
  void aReportFileOverTheLimitIsRefusedBeforeItIsParsed() throws IOException {
    Path file = dir.resolve("kalamdb-memory-1.json");
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(MemoryReportJson.LIMIT.maxBytes() + 1);
    }

    LoadedReports loaded = ReportFiles.load(List.of(file), shown);

    assertThat(loaded.problems())
        .containsExactly(
            "kalamdb-memory-1.json: error: "
                + (MemoryReportJson.LIMIT.maxBytes() + 1)
                + " bytes is over the 32 MiB limit for a memory report file");
  }

  @Test
  void aTargetWhoseDirectoryCannotBeMadeIsRefusedBeforeAnythingIsWritten() throws IOException {
    Path file = Files.writeString(dir.resolve("plain"), "x");

    assertThatThrownBy(() -> OutputFile.checkWritable(file.resolve("sub/page.html")))
        .isInstanceOf(FileSystemException.class)
        .extracting(e -> ConfigFileException.reason((IOException) e))
        .isEqualTo("a parent of it is not a directory");
    assertThatThrownBy(() -> OutputFile.checkWritable(file.resolve("page.html")))
        .extracting(e -> ConfigFileException.reason((IOException) e))
        .isEqualTo("a parent of it is not a directory");
    assertThat(Files.readString(file)).isEqualTo("x");
    Path absent = dir.resolve("new/deeper/page.html");
    OutputFile.checkWritable(absent);
    assertThat(dir.resolve("new")).doesNotExist();
  }

  @Test
  void aReadOnlyPlaceIsRefusedBeforeAnythingIsWritten() {
    // sysfs takes no new file, not even from root (who may write to any directory by mode).
    Path readOnly = Path.of("/sys");
    assumeTrue(Files.isDirectory(readOnly), "a Linux /sys");

    assertThatThrownBy(() -> OutputFile.checkWritable(readOnly.resolve("kalamdb-page.html")))
        .isInstanceOf(IOException.class)
        .extracting(e -> ConfigFileException.reason((IOException) e))
        .isEqualTo("permission denied");
    // The operating system's own reason for a directory it will not make there.
    assertThatThrownBy(() -> OutputFile.checkWritable(readOnly.resolve("new-dir/page.html")))
        .isInstanceOf(IOException.class)
        .extracting(e -> ConfigFileException.reason((IOException) e))
        .isIn("permission denied", "Operation not permitted");
  }

  @Test
  void anOutputIsTheSameFileAsAnInputByItsRealPath() throws IOException {
    Path input = Files.writeString(dir.resolve("kalamdb-memory-1.json"), "{}");
    Path linked = Files.createSymbolicLink(dir.resolve("link.json"), input);
    Path hard = Files.createLink(dir.resolve("hard.json"), input);

    assertThat(OutputFile.sameFile(dir.resolve("sub/../kalamdb-memory-1.json"), input)).isTrue();
    assertThat(OutputFile.sameFile(linked, input)).isTrue();
    assertThat(OutputFile.sameFile(hard, input)).isTrue();
    assertThat(OutputFile.sameFile(dir.resolve("page.html"), input)).isFalse();
    assertThat(OutputFile.sameFile(input, dir.resolve("absent.json"))).isFalse();
  }
}

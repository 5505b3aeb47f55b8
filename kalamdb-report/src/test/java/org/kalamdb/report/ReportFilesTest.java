package org.kalamdb.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}

package org.kalamdb.junit.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.kalamdb.config.ConfigFileException;
import org.kalamdb.report.MemoryReport;
import org.kalamdb.report.MemoryReportHtml;
import org.kalamdb.report.MemoryReportJson;
import org.kalamdb.report.OutputFile;

/**
 * Where a run's report goes and writing it there: {@code kalamdb-memory.json}, or {@code
 * kalamdb-memory-ID.json} with a report id (one file per Surefire fork or CI shard), in the report
 * directory. A report that cannot be written costs one warning line, never a test.
 *
 * @param directory the report directory
 * @param id the report id, if set
 */
public record ReportFile(Path directory, Optional<String> id) {

  /** The JSON file. */
  public Path json() {
    return directory.resolve(
        id.map(i -> "kalamdb-memory-" + i + ".json").orElse(MemoryReportJson.FILE_NAME));
  }

  /** The HTML page beside it. */
  public Path html() {
    return directory.resolve(
        id.map(i -> "kalamdb-memory-" + i + ".html").orElse("kalamdb-memory.html"));
  }

  /**
   * Writes the report and its page beside it, each whole or not at all; on failure prints one line
   * to {@code warnings} and returns false.
   */
  public boolean write(MemoryReport report, PrintStream warnings) {
    Path json = json();
    try {
      MemoryReportJson.write(json, report);
      OutputFile.write(html(), MemoryReportHtml.render(List.of(report)));
      return true;
    } catch (IOException e) {
      warn(warnings, json, ConfigFileException.reason(e));
      return false;
    } catch (RuntimeException e) {
      warn(warnings, json, e.toString());
      return false;
    }
  }

  /**
   * Removes the report and its page an earlier run left here, for a run that writes none because it
   * failed on its configuration: they must not pass for this run's. Says so on {@code notes} in one
   * line when there was something to remove, or when it cannot be removed.
   */
  public void removeEarlier(PrintStream notes) {
    Path json = json();
    boolean removed = false;
    try {
      removed |= Files.deleteIfExists(json);
      removed |= Files.deleteIfExists(html());
    } catch (IOException e) {
      notes.println(
          "[kalamdb] WARNING: the memory report "
              + json.toAbsolutePath()
              + " or its page, of an earlier run, could not be removed: "
              + ConfigFileException.reason(e)
              + "; this run failed on its configuration and wrote none");
      return;
    }
    if (removed) {
      notes.println(
          "[kalamdb] removed the memory report "
              + json.toAbsolutePath()
              + " and its page of an earlier run: this run failed on its configuration (see the"
              + " failed tests), so it writes none");
    }
  }

  private static void warn(PrintStream warnings, Path json, String reason) {
    warnings.println(
        "[kalamdb] WARNING: the memory report "
            + json.toAbsolutePath()
            + " was not written: "
            + reason
            + " (tests are not affected)");
  }
}

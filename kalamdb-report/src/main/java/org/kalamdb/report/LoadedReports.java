package org.kalamdb.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ReportFiles#load} found: the reports read, and every problem met on the way.
 *
 * @param files every report file found, in the order read
 * @param reports the reports of the files that could be read, in the same order
 * @param missing the locations given that do not exist
 * @param problems one line per file that could not be read, {@code FILE[:LINE:COL]: error: ...}
 */
public record LoadedReports(
    List<Path> files, List<MemoryReport> reports, List<Path> missing, List<String> problems) {

  /** Copies the lists. */
  public LoadedReports {
    files = List.copyOf(files);
    reports = List.copyOf(reports);
    missing = List.copyOf(missing);
    problems = List.copyOf(problems);
  }
}

package org.kalamdb.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kalamdb.config.ConfigFileException;
import org.kalamdb.config.FileKind;
import org.kalamdb.config.ResourceLimits;

/**
 * Finds and reads memory report files: every {@value #GLOB} in a directory (each Surefire fork or
 * CI shard writes its own), or a file named directly. Problems do not stop the search: every file
 * that cannot be read is one located line, all of them reported together.
 */
public final class ReportFiles {
  /** The report files read from a directory. */
  public static final String GLOB = "kalamdb-memory*.json";

  private static final Pattern LOCATION = Pattern.compile("^(:\\d+:\\d+)?: ");

  private ReportFiles() {}

  /**
   * Reads the reports at {@code locations}: a directory gives its {@value #GLOB} files in name
   * order, anything else is read as a report file. A file reached twice (also through symbolic
   * links) is read once: files are told apart by their real path.
   *
   * @param shown how messages name a file (e.g. relative to where the build started)
   */
  public static LoadedReports load(List<Path> locations, Function<Path, String> shown) {
    List<String> problems = new ArrayList<>();
    List<Path> missing = new ArrayList<>();
    Set<Path> files = new LinkedHashSet<>();
    for (Path location : locations) {
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(location, BasicFileAttributes.class);
      } catch (NoSuchFileException e) {
        missing.add(location);
        continue;
      } catch (IOException e) {
        problems.add(
            shown.apply(location) + ": error: cannot read: " + ConfigFileException.reason(e));
        continue;
      }
      if (attributes.isDirectory()) {
        try {
          files.addAll(inDirectory(location));
        } catch (IOException e) {
          problems.add(
              shown.apply(location)
                  + ": error: cannot list the directory: "
                  + ConfigFileException.reason(e));
        }
      } else {
        files.add(location);
      }
    }
    List<Path> read = new ArrayList<>();
    List<MemoryReport> reports = new ArrayList<>();
    Set<Path> seen = new LinkedHashSet<>();
    for (Path file : files) {
      if (!seen.add(RealPath.of(file))) {
        continue;
      }
      read.add(file);
      try {
        reports.add(read(file, shown.apply(file)));
      } catch (ReportProblem p) {
        problems.add(p.getMessage());
      }
    }
    return new LoadedReports(read, reports, missing, problems);
  }

  private static List<Path> inDirectory(Path dir) throws IOException {
    Set<Path> sorted = new TreeSet<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, GLOB)) {
      entries.forEach(sorted::add);
    }
    return List.copyOf(sorted);
  }

  private static MemoryReport read(Path file, String shown) throws ReportProblem {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        // A named pipe would block the read forever; refuse it unopened.
        throw new ReportProblem(
            shown
                + ": error: cannot read file: "
                + FileKind.of(file, attributes)
                + ", not a regular file");
      }
      if (!Files.isReadable(file)) {
        throw new ReportProblem(shown + ": error: cannot read file: permission denied");
      }
    } catch (IOException e) {
      throw new ReportProblem(
          shown + ": error: cannot read file: " + ConfigFileException.reason(e));
    }
    try {
      return MemoryReportJson.read(file);
    } catch (ConfigFileException e) {
      throw new ReportProblem(shown + ": error: " + e.summary());
    } catch (IOException e) {
      throw new ReportProblem(located(file, shown, e));
    } catch (OutOfMemoryError | StackOverflowError e) {
      // What was read of this file is garbage now: the other files can still be read.
      throw new ReportProblem(
          shown + ": error: " + ResourceLimits.describe(e, MemoryReportJson.LIMIT));
    }
  }

  /**
   * MemoryReportJson's message names the file as the JDK does, then the line and column; here it is
   * named as the caller shows files, followed by "error:" as compilers write it.
   */
  private static String located(Path file, String shown, IOException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    String prefix = file.toString();
    if (message.startsWith(prefix)) {
      Matcher at = LOCATION.matcher(message.substring(prefix.length()));
      if (at.find()) {
        String where = at.group(1) == null ? "" : at.group(1);
        return shown
            + where
            + ": error: "
            + message.substring(prefix.length() + at.end()).replace('\n', ' ');
      }
    }
    return shown + ": error: cannot read file: " + ConfigFileException.reason(e);
  }

  /** One file's problem, its message the whole located line. */
  private static final class ReportProblem extends Exception {
    private static final long serialVersionUID = 1L;

    ReportProblem(String line) {
      super(line, null, false, false);
    }
  }
}

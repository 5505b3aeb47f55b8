package org.kalamdb.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.kalamdb.config.ConfigFileException;
import org.kalamdb.report.LoadedReports;
import org.kalamdb.report.MemoryReportHtml;
import org.kalamdb.report.OutputFile;
import org.kalamdb.report.ReportFiles;

/**
 * Merges the memory reports of any number of test runs into one self-contained HTML page: each
 * Surefire fork and each CI shard writes its own {@code kalamdb-memory*.json} (with {@code
 * kalamdb-junit-extension} on the test class path), and this goal draws them all: one timeline of
 * the JVM-wide sum per report (budget lines, test boundaries, the tests that went over a budget),
 * every test ranked by its peak, and each store's breakdown by component. The page has inline CSS
 * and SVG only: no script, nothing loaded from the network.
 *
 * <p>Every file that cannot be read (not JSON, not a report, another format version, a named pipe)
 * is logged as one located line, such as {@code target/kalamdb-reports/kalamdb-memory-2.json:3:14:
 * error: not a kalamdb memory report: ...}; then the build fails once, counting them, and no page
 * is written. When no report file is found at all, the goal warns and writes nothing, so that it
 * can run in every module of a multi-module build; {@code failIfNoReports} makes that a failure
 * (for CI, where a missing report means a lost shard).
 *
 * <p>Run it on the command line ({@code mvn kalamdb:memory-report}), or bind it in the POM: its
 * default phase is {@code verify}, after Surefire and Failsafe wrote their reports.
 *
 * <p>Pure Java, no native code: no RocksDB library is loaded.
 */
@Mojo(name = "memory-report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class MemoryReportMojo extends KalamMojo {

  /**
   * Where the reports are: directories (every {@code kalamdb-memory*.json} directly in them is
   * read, in name order) or report files. On the command line a comma-separated list, e.g. {@code
   * -Dkalamdb.reports=shard-1/target/kalamdb-reports,shard-2/target/kalamdb-reports} for the
   * folders of CI shards. A relative path is taken relative to the project's base directory. A
   * location that does not exist is skipped with a warning; a file reached twice (also through
   * symbolic links) is read once.
   */
  @Parameter(
      property = "kalamdb.reports",
      defaultValue = "${project.build.directory}/kalamdb-reports",
      required = true)
  private List<File> reports;

  /**
   * The HTML page to write. It is replaced whole (a temporary file, then a move); a directory,
   * named pipe or device of that name, a place where no file can be written, and one of the report
   * files read (compared by real path) are refused untouched.
   */
  @Parameter(
      property = "kalamdb.reportOutput",
      defaultValue = "${project.build.directory}/kalamdb-reports/kalamdb-memory.html",
      required = true)
  private File output;

  /**
   * Fail the build when no report file is found, instead of warning. Set it in CI, where a missing
   * report means a shard's tests did not run or its files were not collected.
   */
  @Parameter(property = "kalamdb.failIfNoReports", defaultValue = "false")
  private boolean failIfNoReports;

  /** Skip the goal (and every other kalamdb goal that reads this property). */
  @Parameter(property = "kalamdb.skip", defaultValue = "false")
  private boolean skip;

  /** The project's base directory, which relative locations are taken from. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  private File baseDirectory;

  public MemoryReportMojo() {
    super("memory-report");
  }

  @Override
  boolean skip() {
    return skip;
  }

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    List<Path> locations = new ArrayList<>();
    for (File location : reports) {
      Path path = PluginPaths.of(location, "parameter reports, property kalamdb.reports");
      locations.add(baseDirectory.toPath().resolve(path));
    }
    Path page =
        baseDirectory
            .toPath()
            .resolve(PluginPaths.of(output, "parameter output, property kalamdb.reportOutput"));
    String shownPage = shown(page);
    // Refused before anything is read: a directory or pipe named as the page is a typo to fix.
    checkWritable(page, shownPage);

    LoadedReports loaded = ReportFiles.load(locations, this::shown);
    // The page must never replace a report it is drawn from: the next run would read HTML.
    for (Path file : loaded.files()) {
      if (OutputFile.sameFile(page, file)) {
        throw new MojoFailureException(
            shownPage
                + ": error: cannot write file: it is one of the report files read (parameter"
                + " reports, property kalamdb.reports); name another page (parameter output,"
                + " property kalamdb.reportOutput)");
      }
    }
    if (!loaded.problems().isEmpty()) {
      loaded.problems().forEach(getLog()::error);
      int count = loaded.problems().size();
      throw new MojoFailureException(
          count
              + (count == 1 ? " memory report file" : " memory report files")
              + " could not be read (see the lines above); "
              + shownPage
              + " was not written");
    }
    if (loaded.files().isEmpty()) {
      String message =
          "no kalamdb-memory*.json in "
              + String.join(
                  ", ",
                  locations.stream()
                      .map(
                          l -> shown(l) + (loaded.missing().contains(l) ? " (does not exist)" : ""))
                      .toList())
              + "; run the tests with kalamdb-junit-extension first, or set 'reports' (property"
              + " kalamdb.reports)";
      if (failIfNoReports) {
        throw new MojoFailureException(message);
      }
      getLog().warn(message + "; no page written");
      return;
    }
    // Some reports, but a shard's folder missing: the page would silently lack its tests.
    for (Path missing : loaded.missing()) {
      getLog().warn(shown(missing) + ": no such file or directory; no reports read from it");
    }
    String html =
        withinLimits(
            shownPage,
            () -> MemoryReportHtml.render(loaded.reports()),
            e -> drawingFailed(e, loaded));
    write(page, shownPage, html);
    getLog().info("wrote " + shownPage + ": " + MergeSummary.of(loaded.reports()));
  }

  /**
   * Running out of heap while drawing the page names the report files and what to do, not only
   * Maven's bare "Java heap space"; running out of stack is one line too, never a stack trace.
   */
  private String drawingFailed(VirtualMachineError e, LoadedReports loaded) {
    if (e instanceof OutOfMemoryError) {
      return "out of memory (" + e.getMessage() + ") " + ReportSizes.of(loaded, this::shown);
    }
    // Reports are flat lists the page draws in loops; a stack that runs out is a bug of ours.
    return "the stack ran out while drawing the page (please report)";
  }

  private static void checkWritable(Path page, String shown) throws MojoFailureException {
    try {
      OutputFile.checkWritable(page);
    } catch (IOException e) {
      throw new MojoFailureException(
          shown + ": error: cannot write file: " + ConfigFileException.reason(e));
    }
  }

  private static void write(Path page, String shown, String html) throws MojoFailureException {
    try {
      OutputFile.write(page, html);
    } catch (IOException e) {
      throw new MojoFailureException(
          shown + ": error: cannot write file: " + ConfigFileException.reason(e));
    }
  }
}

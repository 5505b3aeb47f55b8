package org.kalamdb.maven;

import java.util.List;
import org.apache.maven.plugin.logging.Log;
import org.kalamdb.config.Diagnostic;

/**
 * Writes diagnostics to the Maven log, one located line each ({@code path:line:col: error: ...}),
 * errors at error level and warnings at warning level, so that every problem of a file shows before
 * the build fails once for all of them.
 */
final class DiagnosticLog {
  private final Log log;

  DiagnosticLog(Log log) {
    this.log = log;
  }

  /** Logs every diagnostic in the order given and returns how many of each severity there were. */
  ProblemCount report(List<Diagnostic> diagnostics) {
    for (Diagnostic diagnostic : diagnostics) {
      if (diagnostic.isError()) {
        log.error(diagnostic.format());
      } else {
        log.warn(diagnostic.format());
      }
    }
    return ProblemCount.of(diagnostics);
  }
}

package org.kalamdb.maven;

import java.util.List;
import org.kalamdb.config.Diagnostic;

/**
 * How many errors and warnings a check found, and the one failure message a build gets for them.
 *
 * @param errors the number of errors
 * @param warnings the number of warnings
 */
record ProblemCount(int errors, int warnings) {

  /** Counts the diagnostics by severity. */
  static ProblemCount of(List<Diagnostic> diagnostics) {
    int errors = (int) diagnostics.stream().filter(Diagnostic::isError).count();
    return new ProblemCount(errors, diagnostics.size() - errors);
  }

  /** Whether the build must fail: any error, or any warning when warnings count as failures. */
  boolean failsBuild(boolean failOnWarning) {
    return errors > 0 || (failOnWarning && warnings > 0);
  }

  /**
   * The failure message, e.g. {@code config.toml has 3 errors and 1 warning; see the lines above}.
   */
  String failureMessage(String file, boolean failOnWarning) {
    String reason = errors == 0 && failOnWarning ? " and failOnWarning is set" : "";
    return file + " has " + counts() + reason + "; see the lines above";
  }

  /** The counts in words: {@code 3 errors and 1 warning}, {@code 1 error}, {@code 2 warnings}. */
  String counts() {
    if (errors == 0) {
      return plural(warnings, "warning");
    }
    String text = plural(errors, "error");
    return warnings == 0 ? text : text + " and " + plural(warnings, "warning");
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}

package org.kalamdb.cli.check;

import org.kalamdb.config.Diagnostic;

/**
 * A diagnostic as {@code --json} prints it: position 0 means unlocated, severity is the printed
 * word.
 */
record DiagnosticJson(
    String file, int line, int column, String severity, String key, String message) {

  static DiagnosticJson of(Diagnostic d) {
    return new DiagnosticJson(
        d.file(), d.line(), d.column(), d.severity().label(), d.key(), d.message());
  }
}

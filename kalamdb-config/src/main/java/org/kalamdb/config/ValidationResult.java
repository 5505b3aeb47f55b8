package org.kalamdb.config;

import java.util.List;

/**
 * What {@link ConfigValidator} found in one file.
 *
 * @param file the file name used in the diagnostics
 * @param diagnostics every problem, in file order (unlocated ones last)
 * @param config the values read, defaults filled in; when there are errors, the defaults stand in
 *     for every value that was wrong
 * @param sectionPresent whether the file has a {@code [rocksdb]} section at all
 */
public record ValidationResult(
    String file, List<Diagnostic> diagnostics, RocksDbConfig config, boolean sectionPresent) {

  public ValidationResult {
    diagnostics = List.copyOf(diagnostics);
  }

  /** Whether any diagnostic is an error. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /** Whether any diagnostic is a warning. */
  public boolean hasWarnings() {
    return diagnostics.stream().anyMatch(d -> !d.isError());
  }

  /** The errors only. */
  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  /** The warnings only. */
  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).toList();
  }
}

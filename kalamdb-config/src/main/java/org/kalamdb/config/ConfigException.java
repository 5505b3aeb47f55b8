package org.kalamdb.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link RocksDbConfig#load(java.nio.file.Path)} when a file cannot be used. Its message
 * lists every diagnostic of the file, one per line, so a single run shows every problem.
 *
 * <p>Unchecked on purpose: a bad configuration is a setup error that callers rarely recover from,
 * and callers that do can still catch it.
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Not serialized with the exception: diagnostics are values for the running program only. */
  private final transient List<Diagnostic> diagnostics;

  /**
   * @param diagnostics every problem found; at least one of them is an error
   */
  public ConfigException(List<Diagnostic> diagnostics) {
    super(diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** Every diagnostic of the file, errors and warnings, in file order. */
  public List<Diagnostic> diagnostics() {
    return diagnostics == null ? List.of() : diagnostics;
  }
}

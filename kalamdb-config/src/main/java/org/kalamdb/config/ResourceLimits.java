package org.kalamdb.config;

/**
 * One line for a JVM error met while checking or writing a config: the check must end with a
 * located line, never a stack trace, even when the heap or the stack ran out.
 */
public final class ResourceLimits {
  private ResourceLimits() {}

  /**
   * The text after "FILE: error: " for an {@link OutOfMemoryError} or {@link StackOverflowError}.
   */
  public static String describe(VirtualMachineError e) {
    return describe(e, FileLimit.CONFIG);
  }

  /**
   * The text after "FILE: error: " for an {@link OutOfMemoryError} or {@link StackOverflowError}
   * met while reading a file of {@code limit}'s kind.
   */
  public static String describe(VirtualMachineError e, FileLimit limit) {
    if (e instanceof StackOverflowError) {
      return "nested too deeply to read (the stack ran out)";
    }
    return "out of memory while reading the file ("
        + e.getMessage()
        + "); "
        + limit.kind()
        + "s are at most "
        + limit.text();
  }

  /** One unlocated error for {@code file}, as the validator gives for an unreadable file. */
  public static ValidationResult failed(String file, VirtualMachineError e) {
    return new ValidationResult(
        file,
        java.util.List.of(new Diagnostic(file, 0, 0, Severity.ERROR, null, describe(e))),
        RocksDbConfig.defaults(),
        false);
  }
}

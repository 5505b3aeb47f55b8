package org.kalamdb.config;

/**
 * Why {@link ConfigGenerator#values} made no values. The caller words the first two reasons with
 * the names of its own parameters; the message of the others says what is wrong with the values.
 */
public final class GenerateRefusal extends Exception {
  private static final long serialVersionUID = 1L;

  /** What was refused. */
  public enum Reason {
    /** Explicit {@code [rocksdb]} values were given for dialect {@code kalamdb-server}. */
    TOOLKIT_VALUES_FOR_SERVER,
    /** A column-family count was given for dialect {@code kalamdb-server}, which opens its 6. */
    COLUMN_FAMILIES_FOR_SERVER,
    /** An explicit value is out of range; the message names the key and its range. */
    VALUE_OUT_OF_RANGE,
    /** No configuration fits the budget; the message says the smallest budget that would. */
    BUDGET_TOO_SMALL
  }

  private final Reason reason;

  GenerateRefusal(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** What was refused. */
  public Reason reason() {
    return reason;
  }
}

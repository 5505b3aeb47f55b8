package org.kalamdb.config;

import java.util.Locale;

/** How bad a {@link Diagnostic} is: errors fail a check, warnings only fail it when asked to. */
public enum Severity {
  ERROR,
  WARNING;

  /** The word printed in a diagnostic line: {@code error} or {@code warning}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package org.kalamdb.junit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What happens to a store's directory once the store is closed. */
enum CleanupMode {
  /** Deleted in every case. */
  ALWAYS,
  /** Deleted unless a test that could use the store failed. */
  ON_SUCCESS,
  /** Kept, for inspection. */
  NEVER;

  /** The names accepted, as users write them. */
  static String validValues() {
    return Arrays.stream(values())
        .map(mode -> mode.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }

  /** The mode with this name, ignoring case and surrounding blanks. */
  static Optional<CleanupMode> parse(String value) {
    String wanted = value.strip();
    return Arrays.stream(values()).filter(mode -> mode.name().equalsIgnoreCase(wanted)).findFirst();
  }

  /** Whether a store's directory is deleted, given whether a test that could use it failed. */
  boolean deletes(boolean failed) {
    return this == ALWAYS || (this == ON_SUCCESS && !failed);
  }
}

package org.kalamdb.junit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kalamdb.config.ChoiceNames;

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
    return ChoiceNames.list(List.of(values()), CleanupMode::id);
  }

  /** The mode with this name, ignoring case and surrounding blanks, as a dialect is named. */
  static Optional<CleanupMode> parse(String value) {
    return ChoiceNames.find(List.of(values()), CleanupMode::id, value);
  }

  private String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a store's directory is deleted, given whether a test that could use it failed. */
  boolean deletes(boolean failed) {
    return this == ALWAYS || (this == ON_SUCCESS && !failed);
  }
}

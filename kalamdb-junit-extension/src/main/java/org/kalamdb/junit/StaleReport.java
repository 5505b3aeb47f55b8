package org.kalamdb.junit;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A run that fails on a bad configuration parameter writes no memory report (it never gets to
 * record one); the report an earlier run left in its place would then look current. This removes
 * it; {@link RunSettings} calls it once per run, when its one reading of the parameters fails.
 */
final class StaleReport {

  private StaleReport() {}

  /** Removes the earlier report of {@code context}'s run, if the report parameters name one. */
  static void remove(ExtensionContext context) {
    RunParameters.reportLocation(context).ifPresent(file -> file.removeEarlier(System.err));
  }
}

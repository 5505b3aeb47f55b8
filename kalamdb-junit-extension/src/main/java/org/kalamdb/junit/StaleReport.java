package org.kalamdb.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * A run that fails on a bad configuration parameter writes no memory report (it never gets to
 * record one); the report an earlier run left in its place would then look current. This removes
 * it, once per run (every callback of such a run fails the same way).
 */
final class StaleReport {
  private static final Namespace NAMESPACE = Namespace.create(StaleReport.class);

  private StaleReport() {}

  /** Removes the earlier report of {@code context}'s run, the first time it is called in it. */
  static void removeOnce(ExtensionContext context) {
    context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            StaleReport.class,
            key -> {
              RunParameters.reportLocation(context)
                  .ifPresent(file -> file.removeEarlier(System.err));
              return Boolean.TRUE;
            },
            Boolean.class);
  }
}

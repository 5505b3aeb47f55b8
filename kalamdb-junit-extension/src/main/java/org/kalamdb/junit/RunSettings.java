package org.kalamdb.junit;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * The run's {@link RunParameters}, read once per engine run and kept in the store of the root
 * extension context, where JUnit's own extensions keep such settings: every callback of the run
 * sees the same values.
 *
 * <p>A bad parameter is found by that one reading, which then removes the memory report an earlier
 * run left in this run's place ({@link StaleReport}); from then on every callback of the run fails
 * with the same located message.
 */
final class RunSettings {
  private static final Namespace NAMESPACE = Namespace.create(RunSettings.class);

  private RunSettings() {}

  /**
   * The parameters of {@code context}'s run; a bad one throws {@link
   * ExtensionConfigurationException}.
   */
  static RunParameters of(ExtensionContext context) {
    ExtensionContext root = context.getRoot();
    return root.getStore(NAMESPACE)
        .getOrComputeIfAbsent(Reading.class, key -> Reading.of(root), Reading.class)
        .parametersOrThrow();
  }

  /** The outcome of the one reading: the parameters, or why they are bad. */
  private record Reading(RunParameters parameters, ExtensionConfigurationException bad) {

    static Reading of(ExtensionContext root) {
      try {
        return new Reading(RunParameters.read(root), null);
      } catch (ExtensionConfigurationException bad) {
        StaleReport.remove(root);
        return new Reading(null, bad);
      }
    }

    RunParameters parametersOrThrow() {
      if (bad != null) {
        // A fresh exception per callback: JUnit may attach suppressed failures to what it gets.
        throw new ExtensionConfigurationException(bad.getMessage(), bad.getCause());
      }
      return parameters;
    }
  }
}

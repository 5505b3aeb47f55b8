package org.kalamdb.junit;

import java.util.List;

/** Reports several failures as one exception: the first, with the others suppressed. */
final class Failures {
  private Failures() {}

  static void throwIfAny(List<? extends RuntimeException> failures) {
    if (failures.isEmpty()) {
      return;
    }
    RuntimeException first = failures.get(0);
    for (RuntimeException other : failures.subList(1, failures.size())) {
      first.addSuppressed(other);
    }
    throw first;
  }
}

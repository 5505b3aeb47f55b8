package org.kalamdb.maven;

import java.util.OptionalLong;
import org.apache.maven.plugin.MojoExecutionException;
import org.kalamdb.config.CheckOptions;

/**
 * Turns the {@code memoryBudgetMb} and {@code columnFamilies} parameters into {@link CheckOptions},
 * refusing values no store can have with a message that names the property to fix.
 */
final class BudgetParameters {
  private BudgetParameters() {}

  /**
   * The check options for the parameters.
   *
   * @param memoryBudgetMb the budget in MB, or {@code null} for none
   * @param columnFamilies the column-family count
   * @throws MojoExecutionException when a value is below 1
   */
  static CheckOptions toCheckOptions(Long memoryBudgetMb, int columnFamilies)
      throws MojoExecutionException {
    if (columnFamilies < 1) {
      throw new MojoExecutionException(
          "columnFamilies (property kalamdb.columnFamilies) must be >= 1, got " + columnFamilies);
    }
    if (memoryBudgetMb != null && memoryBudgetMb < 1) {
      throw new MojoExecutionException(
          "memoryBudgetMb (property kalamdb.memoryBudgetMb) must be >= 1 MB, got "
              + memoryBudgetMb);
    }
    OptionalLong budget =
        memoryBudgetMb == null ? OptionalLong.empty() : OptionalLong.of(memoryBudgetMb);
    return new CheckOptions(budget, columnFamilies);
  }
}

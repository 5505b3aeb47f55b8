package org.kalamdb.maven;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apache.maven.plugin.MojoExecutionException;
import org.kalamdb.config.CheckOptions;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.RocksDbConfig;

/**
 * Turns the {@code memoryBudgetMb}, {@code columnFamilies} and {@code dialect} parameters into
 * {@link CheckOptions}, refusing values no store can have with a message that names the property to
 * fix.
 */
final class BudgetParameters {
  private BudgetParameters() {}

  /**
   * The check options for the parameters.
   *
   * @param memoryBudgetMb the budget in MB, or {@code null} for none
   * @param columnFamilies the column-family count, or {@code null} for the dialect's own (57 for
   *     {@code [rocksdb]}, the server's 6 for {@code [storage.rocksdb]})
   * @param dialect a dialect id, or {@code null} to detect it from the file
   * @throws MojoExecutionException when a value is below 1, the budget is above {@link
   *     RocksDbConfig#MAX_SIZE_MB}, or the dialect is unknown
   */
  static CheckOptions toCheckOptions(Long memoryBudgetMb, Integer columnFamilies, String dialect)
      throws MojoExecutionException {
    if (columnFamilies != null && columnFamilies < 1) {
      throw new MojoExecutionException(
          "columnFamilies (property kalamdb.columnFamilies) must be >= 1, got " + columnFamilies);
    }
    if (memoryBudgetMb != null
        && (memoryBudgetMb < 1 || memoryBudgetMb > RocksDbConfig.MAX_SIZE_MB)) {
      throw new MojoExecutionException(
          "memoryBudgetMb (property kalamdb.memoryBudgetMb) must be between 1 and "
              + RocksDbConfig.MAX_SIZE_MB
              + " MB, got "
              + memoryBudgetMb);
    }
    OptionalLong budget =
        memoryBudgetMb == null ? OptionalLong.empty() : OptionalLong.of(memoryBudgetMb);
    OptionalInt count =
        columnFamilies == null ? OptionalInt.empty() : OptionalInt.of(columnFamilies);
    return new CheckOptions(budget, count, dialect(dialect));
  }

  /**
   * The dialect named by the {@code dialect} parameter, empty when it is not set.
   *
   * @throws MojoExecutionException naming the known dialects when the id is unknown
   */
  static Optional<Dialect> dialect(String id) throws MojoExecutionException {
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Dialect.parse(id.strip()));
    } catch (IllegalArgumentException unknown) {
      throw new MojoExecutionException(
          "dialect (property kalamdb.dialect): " + unknown.getMessage());
    }
  }
}

package org.kalamdb.cli;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.kalamdb.config.CheckOptions;
import org.kalamdb.config.RocksDbConfig;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --budget-mb} and {@code --column-families} options that {@code check} and {@code
 * generate} share, mixed in with {@code @Mixin}, and their validation.
 */
public final class BudgetOptions {

  /** The command this is mixed into: usage errors name it. */
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--budget-mb",
      paramLabel = "N",
      description = "Memory budget in MB that the worst case must fit.")
  Long budgetMb;

  @Option(
      names = "--column-families",
      paramLabel = "N",
      description =
          "Column families the store will have (default: "
              + CheckOptions.DEFAULT_COLUMN_FAMILIES
              + " for [rocksdb], the server's 6 for [storage.rocksdb]).")
  Integer columnFamilies;

  /** {@code --budget-mb}, or {@code null} when not given. */
  public Long budgetMb() {
    return budgetMb;
  }

  /** {@code --column-families}, or {@code null} when not given (each dialect's own count). */
  public Integer columnFamilies() {
    return columnFamilies;
  }

  /**
   * The options as the validator takes them; without {@code --column-families} each file's dialect
   * gives the count ({@link CheckOptions#columnFamiliesFor}).
   *
   * @throws CommandLine.ParameterException (a usage error, exit 2) when {@code --column-families}
   *     is below 1 or {@code --budget-mb} is outside 1 to {@link RocksDbConfig#MAX_SIZE_MB}
   */
  public CheckOptions checkOptions() {
    if (columnFamilies != null && columnFamilies < 1) {
      throw new CommandLine.ParameterException(
          mixee.commandLine(), "--column-families must be >= 1, got " + columnFamilies);
    }
    if (budgetMb != null && (budgetMb < 1 || budgetMb > RocksDbConfig.MAX_SIZE_MB)) {
      throw new CommandLine.ParameterException(
          mixee.commandLine(),
          "--budget-mb must be between 1 and "
              + RocksDbConfig.MAX_SIZE_MB
              + " (MB), got "
              + budgetMb);
    }
    return new CheckOptions(
        budgetMb == null ? OptionalLong.empty() : OptionalLong.of(budgetMb),
        columnFamilies == null ? OptionalInt.empty() : OptionalInt.of(columnFamilies),
        Optional.empty());
  }
}

package org.kalamdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class KalamCliTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "check", "generate", "estimate", "measure"})
  void everyCommandHasHelp(String command) {
    CliRun run = CliRun.of(args(command, "--help"));

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Usage: kalamdb" + (command.isEmpty() ? "" : " " + command));
    assertThat(run.out()).contains("--help", "--version", "Exit codes:");
    assertThat(run.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "check", "generate", "estimate", "measure"})
  void everyCommandHasTheFilteredProjectVersion(String command) {
    CliRun run = CliRun.of(args(command, "--version"));

    assertThat(run.exitCode()).isZero();
    // Filtered from ${project.version}: a real version, not the placeholder.
    assertThat(run.out().strip()).matches("kalamdb \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(run.out().strip()).isEqualTo("kalamdb " + KalamVersion.version());
  }

  @Test
  void noSubcommandIsAUsageError() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("a subcommand is required", "Usage: kalamdb");
  }

  @Test
  void unknownSubcommandAndOptionAreUsageErrorsWithoutStackTraces() {
    CliRun unknownCommand = CliRun.of("chek", "config.toml");
    CliRun unknownOption = CliRun.of("check", "--budget", "5", "config.toml");
    CliRun notANumber = CliRun.of("check", "--budget-mb", "lots", "config.toml");

    assertThat(unknownCommand.exitCode()).isEqualTo(2);
    assertThat(unknownCommand.err()).contains("Unmatched argument").doesNotContain("\tat ");
    assertThat(unknownOption.exitCode()).isEqualTo(2);
    assertThat(unknownOption.err()).contains("Unknown option: '--budget'");
    assertThat(notANumber.exitCode()).isEqualTo(2);
    assertThat(notANumber.err()).contains("'lots' is not a long").doesNotContain("\tat ");
  }

  @Test
  void anUnexpectedFailureIsOneLineAndExitCode1() throws Exception {
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        KalamCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true));

    int code =
        commandLine
            .getExecutionExceptionHandler()
            .handleExecutionException(new IllegalStateException("disk on fire"), commandLine, null);

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .isEqualTo("kalamdb: error: disk on fire (IllegalStateException)" + System.lineSeparator());
  }

  private static String[] args(String command, String option) {
    return command.isEmpty() ? new String[] {option} : new String[] {command, option};
  }
}

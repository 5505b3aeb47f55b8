package org.kalamdb.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.kalamdb.cli.check.CheckCommand;
import org.kalamdb.cli.estimate.EstimateCommand;
import org.kalamdb.cli.generate.GenerateCommand;
import org.kalamdb.cli.measure.MeasureCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code kalamdb} command: checks, generates, estimates and measures the {@code [rocksdb]}
 * section of a {@code config.toml}, or the {@code [storage.rocksdb]} section of a KalamDB {@code
 * server.toml} ({@code --dialect}).
 *
 * <p>Exit codes: 0 valid (warnings allowed), 1 problems found (or an unexpected failure, reported
 * in one line), 2 usage error.
 */
@Command(
    name = "kalamdb",
    // Subcommands inherit the help and version options, the version provider and the exit-code
    // heading; each states its own header, description and exit codes.
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = KalamVersion.class,
    description = "Keeps RocksDB memory bounded: check, generate, estimate and measure.",
    subcommands = {
      CheckCommand.class,
      GenerateCommand.class,
      EstimateCommand.class,
      MeasureCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:valid (warnings allowed)", "1:problems found", "2:usage error"})
public final class KalamCli implements Callable<Integer> {

  @Spec CommandSpec spec;

  /** Runs the command line and exits the JVM with its exit code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /**
   * Runs the real command line in this JVM, printing to the given writers; used by {@link #main}
   * and by tests.
   *
   * @return the exit code
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    // Escaped at the one place everything printed passes: file names, keys, picocli's own errors.
    PrintWriter safeOut = new PrintWriter(new TerminalWriter(out));
    PrintWriter safeErr = new PrintWriter(new TerminalWriter(err));
    int code = commandLine(safeOut, safeErr).execute(args);
    safeOut.flush();
    safeErr.flush();
    return code;
  }

  /** The configured command line: writers, and one clear line instead of a stack trace. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new KalamCli());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.registerConverter(java.nio.file.Path.class, new PathConverter());
    commandLine.setExecutionExceptionHandler(new OneLineExceptionHandler());
    return commandLine;
  }

  /** Without a subcommand there is nothing to do: show the usage and report a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("kalamdb: a subcommand is required");
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }
}

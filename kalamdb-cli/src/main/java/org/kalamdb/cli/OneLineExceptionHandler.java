package org.kalamdb.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an unexpected exception of a command into one clear line on stderr and exit code 1: a user
 * never sees a stack trace. Expected problems (bad files, impossible budgets) are reported by the
 * commands themselves and never get here.
 */
final class OneLineExceptionHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, ParseResult parseResult) {
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    commandLine
        .getErr()
        .println(
            commandLine.getCommandName()
                + ": error: "
                + message
                + " ("
                + ex.getClass().getSimpleName()
                + ")");
    return CommandLine.ExitCode.SOFTWARE;
  }
}

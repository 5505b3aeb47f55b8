package org.kalamdb.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import org.kalamdb.config.ConfigFileException;
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
    if (ex instanceof IOException io) {
      // The JDK names only the file in most of these; the reason is what the user needs.
      String file =
          ex instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : null;
      commandLine
          .getErr()
          .println(
              commandLine.getCommandName()
                  + ": error: "
                  + (file != null ? file + ": " : "")
                  + ConfigFileException.reason(io));
      return CommandLine.ExitCode.SOFTWARE;
    }
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

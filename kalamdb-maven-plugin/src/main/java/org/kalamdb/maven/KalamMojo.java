package org.kalamdb.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Function;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;
import org.kalamdb.config.TerminalText;

/**
 * What every kalamdb goal does the same way: {@code kalamdb.skip}, files named relative to where
 * Maven was started, a log that escapes control characters, and one located line instead of a stack
 * trace when the heap or the stack runs out.
 */
abstract class KalamMojo extends AbstractMojo {

  /** Where Maven was started; log lines name files relative to it. */
  @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true, required = true)
  private File executionRoot;

  private final String goal;

  /**
   * @param goal the goal's name, for the line that says it was skipped
   */
  KalamMojo(String goal) {
    this.goal = goal;
  }

  /**
   * Whether {@code kalamdb.skip} is set. Each goal declares the parameter itself, so that its help
   * says what skipping means for that goal.
   */
  abstract boolean skip();

  /** The goal's work, run unless skipped. */
  abstract void run() throws MojoExecutionException, MojoFailureException;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip()) {
      getLog().info("Skipping " + goal + " (kalamdb.skip=true)");
      return;
    }
    run();
  }

  /** A file as log lines name it ({@link DisplayPath}); control characters escaped. */
  final String shown(Path file) {
    return TerminalText.escape(DisplayPath.of(file, executionRoot.toPath()));
  }

  /** Work that reads or draws something as large or as deep as the user's input. */
  @FunctionalInterface
  interface Work<T> {
    T call() throws MojoExecutionException, MojoFailureException;
  }

  /**
   * {@code work}'s result; when the heap or the stack runs out in it, the build fails with the one
   * line {@code where: error: reason}, never Maven's bare "Java heap space" or a stack trace.
   *
   * @param where the file (or goal) the line names
   * @param reason the text after {@code error: } for the error met
   */
  static <T> T withinLimits(
      String where, Work<T> work, Function<VirtualMachineError, String> reason)
      throws MojoExecutionException, MojoFailureException {
    try {
      return work.call();
    } catch (OutOfMemoryError | StackOverflowError e) {
      throw new MojoFailureException(where + ": error: " + reason.apply(e));
    }
  }

  /** The Maven log with control characters escaped ({@link TerminalLog}). */
  @Override
  public Log getLog() {
    return new TerminalLog(super.getLog());
  }
}

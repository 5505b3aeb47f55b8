package org.kalamdb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

/** One in-process run of the real {@code kalamdb} command line, with its captured output. */
public record CliRun(int exitCode, String out, String err) {

  /** Runs {@code kalamdb args...} through {@link KalamCli#run}. */
  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = KalamCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The lines of stdout, without trailing empty ones. */
  public List<String> outLines() {
    return lines(out);
  }

  /** The lines of stderr, without trailing empty ones. */
  public List<String> errLines() {
    return lines(err);
  }

  private static List<String> lines(String text) {
    return Arrays.stream(text.split("\\R")).filter(l -> !l.isEmpty()).toList();
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}

package org.kalamdb.cli.measure;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.kalamdb.cli.JsonOutput;

/**
 * The main class of the child JVM {@code kalamdb measure} starts for each profile and column-family
 * count: runs one {@link Workload} and prints one line, {@link #RESULT_PREFIX} followed by a {@link
 * WorkerResult} as JSON. A fresh JVM per run keeps RSS and native memory of one run out of the
 * next.
 */
public final class MeasureWorker {

  /** Marks the result line among anything else the JVM might print. */
  static final String RESULT_PREFIX = "kalamdb-measure-result ";

  private MeasureWorker() {}

  /**
   * Runs the request in the file named by the only argument (JSON of a {@link WorkerRequest}).
   *
   * <p>Exit code 0 when measured, 1 when the run failed (the line says why).
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    WorkerResult result;
    if (args.length != 1) {
      result = WorkerResult.failed("?", 0, "expected one argument, the request file");
    } else {
      result = run(args[0]);
    }
    out.println(RESULT_PREFIX + JsonOutput.toJson(result).replace('\n', ' '));
    out.flush();
    System.exit(result.ok() ? 0 : 1);
  }

  private static WorkerResult run(String requestFile) {
    WorkerRequest request;
    try {
      request = JsonOutput.mapper().readValue(Path.of(requestFile).toFile(), WorkerRequest.class);
    } catch (Exception e) {
      return WorkerResult.failed("?", 0, "bad request: " + e.getMessage());
    }
    try {
      return new Workload(request).run();
    } catch (Exception | OutOfMemoryError e) {
      // The reason goes into the report's table, e.g. RocksDB's "Too many open files".
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return WorkerResult.failed(
          request.profile().id(), request.columnFamilies(), reason.replace('\n', ' '));
    }
  }
}

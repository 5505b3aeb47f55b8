package org.kalamdb.cli.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.kalamdb.cli.JsonOutput;

/**
 * Starts a {@link MeasureWorker} in a fresh JVM with a fixed heap, on the current {@code java}
 * executable and class path, and turns whatever happens to it into a {@link WorkerResult}: a worker
 * that fails, crashes or hangs becomes a failed row with the reason, never an exception here.
 */
final class ChildJvm {
  private final int heapMb;
  private final Duration timeout;
  private volatile Process running;

  ChildJvm(int heapMb, Duration timeout) {
    this.heapMb = heapMb;
    this.timeout = timeout;
  }

  /**
   * Runs one request on the allocator {@code setup} ({@code jemalloc}: the library it preloads, if
   * it does); {@code scratch} holds the request and the worker's output files.
   */
  WorkerResult run(WorkerRequest request, Path scratch, AllocatorSetup setup, Path jemalloc)
      throws IOException, InterruptedException {
    Path requestFile = scratch.resolve("request.json");
    Path stdout = scratch.resolve("worker.out");
    Path stderr = scratch.resolve("worker.err");
    // A file rather than an argument: Windows mangles quotes in command-line arguments.
    Files.writeString(requestFile, JsonOutput.toJson(request), StandardCharsets.UTF_8);
    List<String> command =
        List.of(
            javaExecutable().toString(),
            "-Xms" + heapMb + "m",
            "-Xmx" + heapMb + "m",
            // Touch the whole heap at start so heap growth does not show up as RSS growth.
            "-XX:+AlwaysPreTouch",
            // The JVM's own share of RSS growth, told apart from RocksDB's (JvmNativeMemory).
            "-XX:NativeMemoryTracking=summary",
            "-cp",
            System.getProperty("java.class.path"),
            MeasureWorker.class.getName(),
            requestFile.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    setup.applyTo(builder.environment(), jemalloc);
    Process process = builder.start();
    running = process;
    String profile = request.profile().id();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        return WorkerResult.failed(
                profile,
                request.columnFamilies(),
                "timed out after " + timeout.toMinutes() + " min")
            .under(setup);
      }
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly(); // interrupted: no worker outlives its parent's wait
      }
      running = null;
    }
    for (String line : Files.readAllLines(stdout, StandardCharsets.UTF_8)) {
      if (line.startsWith(MeasureWorker.RESULT_PREFIX)) {
        return JsonOutput.mapper()
            .readValue(line.substring(MeasureWorker.RESULT_PREFIX.length()), WorkerResult.class)
            .under(setup);
      }
    }
    return WorkerResult.failed(
            profile,
            request.columnFamilies(),
            "worker exited with code " + process.exitValue() + lastLine(stderr))
        .under(setup);
  }

  /** Ends the worker running now, if any, and waits briefly for it: the parent is exiting. */
  void killRunning() {
    Process process = running;
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String lastLine(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (!lines.get(i).isBlank()) {
        return ": " + lines.get(i).trim();
      }
    }
    return "";
  }

  /** The {@code java} of the running JVM, so the worker runs the same Java as the parent. */
  static Path javaExecutable() {
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    Path fromHome = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    if (Files.isExecutable(fromHome)) {
      return fromHome;
    }
    return ProcessHandle.current().info().command().map(Path::of).orElse(fromHome);
  }
}

package org.kalamdb.store;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a harness's {@code main} in a child JVM on this test run's class path, so that a JVM crash
 * or threads stuck in RocksDB for good end the child, not the test run.
 *
 * @param ended whether it ended within the time allowed (else it was killed)
 * @param exitCode its exit code, or -1 when it was killed
 * @param output standard output and error together
 */
record ChildJvm(boolean ended, int exitCode, String output) {

  static ChildJvm run(Class<?> main, int seconds, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add(
        "-XX:ErrorFile="
            + System.getProperty("java.io.tmpdir")
            + File.separator
            + "kalamdb-child-hs_err_%p.log");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean ended = child.waitFor(seconds, TimeUnit.SECONDS);
    if (!ended) {
      child.destroyForcibly();
    }
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new ChildJvm(ended, ended ? child.exitValue() : -1, output);
  }
}

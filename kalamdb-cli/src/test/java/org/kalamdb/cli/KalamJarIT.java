package org.kalamdb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a user runs it, {@code java -jar target/kalamdb.jar ...}: its manifest, its
 * filtered version, real exit codes of a real JVM, and measure's worker started from the jar.
 */
class KalamJarIT {

  @TempDir Path dir;

  @Test
  void versionIsTheProjectVersion() throws Exception {
    Result result = java("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out().strip()).matches("kalamdb \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void checkExitsOneForABadFileWithLocatedLinesAndNoStackTrace() throws Exception {
    Path good = Files.writeString(dir.resolve("good.toml"), "[rocksdb]\n");
    Path bad =
        Files.writeString(dir.resolve("bad.toml"), "[rocksdb]\nwrite_buffer_size_mb = \"8\"\n");

    Result both = java("check", good.toString(), bad.toString());
    Result goodOnly = java("check", "--column-families", "17", good.toString());
    Result usage = java("check", "--budget-mb", "many", good.toString());

    assertThat(both.exitCode()).isEqualTo(1);
    assertThat(both.out())
        .contains(good + ": ok, worst case 944 MB for 57 column families")
        .contains(bad + ":2:")
        .contains(bad + ": 1 error; not valid");
    assertThat(goodOnly.exitCode()).isZero();
    assertThat(usage.exitCode()).isEqualTo(2);
    assertThat(both.err() + usage.err()).doesNotContain("\tat ", "Exception");
  }

  @Test
  void measureStartsItsWorkerFromTheJar() throws Exception {
    Result result =
        java(
            "measure",
            "--profiles",
            "seed",
            "--column-families",
            "1",
            "--mb-per-cf",
            "1",
            "--work-dir",
            dir.toString(),
            "--json");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode run = new ObjectMapper().readTree(result.out()).get("results").get(0);
    assertThat(run.get("ok").asBoolean()).as(run.toString()).isTrue();
    assertThat(run.get("valuesRead").asLong()).isEqualTo(1024);
    assertThat(run.get("peakTotalBytes").asLong()).isPositive();
  }

  private Result java(String... args) throws IOException, InterruptedException {
    String jar = System.getProperty("kalamdb.jar");
    assertThat(jar).as("system property kalamdb.jar").isNotNull();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar);
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private record Result(int exitCode, String out, String err) {}
}

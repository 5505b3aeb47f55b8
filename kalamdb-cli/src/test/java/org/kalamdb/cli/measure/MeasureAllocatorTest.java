package org.kalamdb.cli.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.cli.CliRun;

/** {@code measure --allocator}: each worker on the allocator asked for, detected and shown. */
class MeasureAllocatorTest {

  @TempDir Path workDir;

  @Test
  void eachAllocatorRunsDetectedAndTheRssGrowthIsBrokenIntoParts() throws IOException {
    assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "LD_PRELOAD needs Linux");
    assumeTrue(JemallocLibrary.find().isPresent(), "libjemalloc2 missing (.ci/run installs it)");
    CliRun run =
        CliRun.of(
            "measure",
            "--profiles",
            "seed",
            "--column-families",
            "2",
            "--mb-per-cf",
            "1",
            "--allocator",
            "glibc,glibc-arenas-2,jemalloc",
            "--work-dir",
            workDir.toString(),
            "--json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.errLines())
        .containsExactly(
            "[1/3] seed settings, 2 CFs, glibc ...",
            "[2/3] seed settings, 2 CFs, glibc-arenas-2 ...",
            "[3/3] seed settings, 2 CFs, jemalloc ...");
    JsonNode results = new ObjectMapper().readTree(run.out()).get("results");
    List<String> setups = new ArrayList<>();
    List<String> detected = new ArrayList<>();
    for (JsonNode r : results) {
      assertThat(r.get("ok").asBoolean()).as(r.toString()).isTrue();
      setups.add(r.get("allocatorSetup").asText());
      detected.add(r.get("allocator").asText());
      JsonNode rss = r.get("rss");
      long growth = rss.get("growthBytes").asLong();
      assertThat(growth).isEqualTo(r.get("rssGrowthBytes").asLong());
      assertThat(
              rss.get("libraryBytes").asLong()
                  + rss.get("jvmBytes").asLong()
                  + rss.get("accountedBytes").asLong()
                  + rss.get("unaccountedAtOpenBytes").asLong()
                  + rss.get("restBytes").asLong())
          .as("the parts add up: %s", rss)
          .isEqualTo(growth);
      // librocksdbjni's pages RocksDB ran are resident: megabytes, not zero.
      assertThat(rss.get("libraryBytes").asLong()).as(rss.toString()).isGreaterThan(1 << 20);
      // 2 MB written, all still in memtables at the end of the writes.
      assertThat(rss.get("accountedBytes").asLong()).isGreaterThanOrEqualTo(2 << 20);
    }
    assertThat(setups).containsExactly("glibc", "glibc-arenas-2", "jemalloc");
    assertThat(detected)
        .containsExactly(
            "glibc malloc (default settings)",
            "glibc malloc (MALLOC_ARENA_MAX=2)",
            "jemalloc (libjemalloc.so.2, default settings)");
  }

  @Test
  void theTableNamesTheAllocatorOfEachRun() {
    assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "LD_PRELOAD needs Linux");
    assumeTrue(JemallocLibrary.find().isPresent(), "libjemalloc2 missing (.ci/run installs it)");
    CliRun run =
        CliRun.of(
            "measure",
            "--profiles",
            "seed",
            "--column-families",
            "1",
            "--mb-per-cf",
            "1",
            "--allocator",
            "glibc-arenas-2,jemalloc",
            "--work-dir",
            workDir.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("allocators: per run, in the RSS table below")
        .containsPattern("\\| seed settings on glibc-arenas-2 +\\| 1 +\\| [0-9.]+ MB")
        .containsPattern("\\| seed settings on jemalloc +\\| 1 +\\| [0-9.]+ MB")
        .contains("Where the RSS growth went")
        .containsPattern("\\| seed settings +\\| 1 +\\| glibc malloc \\(MALLOC_ARENA_MAX=2\\) +\\|")
        .containsPattern(
            "\\| seed settings +\\| 1 +\\| jemalloc \\(libjemalloc\\.so\\.2, default settings\\) +\\|");
  }

  @Test
  void anUnknownAllocatorOrAMissingLibraryIsAUsageError() {
    CliRun unknown = CliRun.of("measure", "--allocator", "tcmalloc");
    CliRun missing =
        CliRun.of(
            "measure",
            "--allocator",
            "JEMALLOC",
            "--jemalloc-lib",
            workDir.resolve("libjemalloc.so.2").toString());

    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err())
        .startsWith(
            "Invalid value for option '--allocator' (ALLOCATOR): unknown allocator 'tcmalloc';"
                + " expected current, glibc, glibc-arenas-2, jemalloc or jemalloc-tuned");
    assertThat(missing.exitCode()).isEqualTo(2);
    if (Files.isReadable(Path.of("/proc/self/maps"))) {
      assertThat(missing.err())
          .startsWith("--jemalloc-lib " + workDir.resolve("libjemalloc.so.2") + ": no such file");
    }
  }
}

package org.kalamdb.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.cli.CliRun;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.ProcessModel;
import org.kalamdb.config.RocksDbConfig;

class CheckCommandTest {

  @TempDir Path dir;

  @Test
  void aValidFileExitsZeroWithItsWorstCase() throws IOException {
    Path file = write("config.toml", "[rocksdb]\nwrite_buffer_size_mb = 8\n");

    CliRun run = CliRun.of("check", "--column-families", "17", file.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outLines())
        .containsExactly(
            file + ": ok, worst case 304 MB for 17 column families (17 x 8 MB x 2 + 32 MB cache)");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void withProcessEachValidFileGetsTheRssItsStoreAddsAndJsonAlwaysHasIt() throws IOException {
    Path capped =
        write(
            "config.toml",
            "[rocksdb]\nwrite_buffer_size_mb = 8\nblock_cache_size_mb = 32\nmemtable_limit_mb = 32\n");
    Path bad = write("bad.toml", "[rocksdb]\nwrite_buffer_size_mb = 0\n");

    CliRun run = CliRun.of("check", "--process", capped.toString(), bad.toString());
    CliRun json = CliRun.of("check", "--json", capped.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    List<String> lines = run.outLines();
    assertThat(lines.get(0)).startsWith(capped + ": ok, worst case 68 MB for 57 column families");
    assertThat(lines.get(1))
        .isEqualTo("  " + ProcessModel.processSentence(new RocksDbConfig(8, 2, 32, 32), 57))
        .startsWith("  process: about 88 MB of RSS for RocksDB (68 MB worst case + 13 MB");
    // An invalid file has no store to size: no process line under its summary.
    assertThat(lines.get(lines.size() - 1)).endsWith("; not valid");
    assertThat(lines).filteredOn(l -> l.contains("process:")).hasSize(1);
    JsonNode process = new ObjectMapper().readTree(json.out()).get("files").get(0).get("process");
    assertThat(process.get("mb").asInt()).isEqualTo(88);
    assertThat(process.get("bytes").bigIntegerValue())
        .isEqualTo(ProcessModel.processBytes(new RocksDbConfig(8, 2, 32, 32), 57));
    assertThat(process.get("allocator").asText()).isEqualTo(ProcessModel.RECOMMENDED_SETUP);
  }

  /** docs/cli.md, "The process line": the example's two lines are what the command prints. */
  @Test
  void theManualsProcessExampleIsWhatTheCommandPrints() throws IOException {
    Path sample = Path.of("..", "sample-project", "src", "main", "resources", "config.toml");
    String manualName = "sample-project/src/main/resources/config.toml";
    List<String> manual = Files.readAllLines(Path.of("..", "docs", "cli.md"));
    int command = manual.indexOf("$ kalamdb check --process " + manualName);
    assertThat(command).as("the example in docs/cli.md").isPositive();

    CliRun run = CliRun.of("check", "--process", sample.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().replace(sample.toString(), manualName).lines().toList())
        .isEqualTo(manual.subList(command + 1, command + 3));
  }

  @Test
  void aFileWithoutTheSectionSaysTheDefaultsApply() throws IOException {
    Path file = write("server.toml", "[server]\nport = 8080\n");

    CliRun run = CliRun.of("check", file.toString());

    assertThat(run.exitCode()).isZero();
    long worst = MemoryModel.worstCaseMb(RocksDbConfig.defaults(), 57);
    assertThat(run.outLines())
        .containsExactly(
            file
                + ": ok; no [rocksdb] section; the defaults apply, worst case "
                + worst
                + " MB for 57 column families (57 x 8 MB x 2 + 32 MB cache)");
  }

  @Test
  void everyProblemOfEveryFileIsPrintedLocatedAndTheExitCodeIs1() throws IOException {
    Path bad =
        write("bad.toml", "[rocksdb]\nwrite_bufer_size_mb = 8\nmax_write_buffer_number = 0\n");
    Path good = write("good.toml", "[rocksdb]\n");

    CliRun run = CliRun.of("check", bad.toString(), good.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.outLines())
        .containsExactly(
            bad
                + ":2:1: error: unknown key 'write_bufer_size_mb' in [rocksdb]; did you mean"
                + " 'write_buffer_size_mb'?",
            bad + ":3:27: error: max_write_buffer_number must be an integer >= 1, got 0",
            bad + ": 2 errors; not valid",
            good + ": ok, worst case 944 MB for 57 column families (57 x 8 MB x 2 + 32 MB cache)");
  }

  @Test
  void aMissingFileIsOneUnlocatedErrorNotAStackTrace() {
    Path missing = dir.resolve("missing.toml");

    CliRun run = CliRun.of("check", missing.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines()).hasSize(2);
    assertThat(run.outLines().get(0)).startsWith(missing + ": error: ");
    assertThat(run.outLines().get(1)).isEqualTo(missing + ": 1 error; not valid");
    assertThat(run.out() + run.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void aBudgetTooSmallIsAnUnlocatedError() throws IOException {
    Path file = write("config.toml", "[rocksdb]\n");
    RocksDbConfig defaults = RocksDbConfig.defaults();

    CliRun run =
        CliRun.of("check", "--budget-mb", "64", "--column-families", "57", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines().get(0))
        .isEqualTo(MemoryModel.checkBudget(defaults, 57, 64, file.toString()).get().format());
    assertThat(run.outLines().get(0)).contains("944 MB", "64 MB");
  }

  @Test
  void warningsPassUnlessFailOnWarning() throws IOException {
    Path file = write("config.toml", "[rocksdb]\nmax_write_buffer_number = 1\n");

    CliRun lenient = CliRun.of("check", file.toString());
    CliRun strict = CliRun.of("check", "--fail-on-warning", file.toString());

    assertThat(lenient.exitCode()).isZero();
    assertThat(lenient.outLines().get(0)).startsWith(file + ":2:").contains(": warning: ");
    assertThat(lenient.outLines().get(1)).startsWith(file + ": ok with 1 warning, worst case");
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.outLines()).isEqualTo(lenient.outLines());
  }

  @Test
  void jsonIsOneDocumentWithEveryField() throws IOException {
    Path bad = write("bad.toml", "[rocksdb]\nwrite_buffer_size_mb = 0\n");
    Path good = write("good.toml", "[rocksdb]\nblock_cache_size_mb = 16\n");

    CliRun run =
        CliRun.of(
            "check",
            "--json",
            "--column-families",
            "7",
            "--budget-mb",
            "500",
            bad.toString(),
            good.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("valid").asBoolean()).isFalse();
    assertThat(json.get("columnFamilies").asInt()).isEqualTo(7);
    assertThat(json.get("budgetMb").asLong()).isEqualTo(500);
    JsonNode badJson = json.get("files").get(0);
    assertThat(badJson.get("file").asText()).isEqualTo(bad.toString());
    assertThat(badJson.get("valid").asBoolean()).isFalse();
    JsonNode diagnostic = badJson.get("diagnostics").get(0);
    assertThat(diagnostic.get("file").asText()).isEqualTo(bad.toString());
    assertThat(diagnostic.get("line").asInt()).isEqualTo(2);
    assertThat(diagnostic.get("column").asInt()).isPositive();
    assertThat(diagnostic.get("severity").asText()).isEqualTo("error");
    assertThat(diagnostic.get("key").asText()).isEqualTo("rocksdb.write_buffer_size_mb");
    assertThat(diagnostic.get("message").asText()).contains("write_buffer_size_mb");
    JsonNode goodJson = json.get("files").get(1);
    assertThat(goodJson.get("valid").asBoolean()).isTrue();
    assertThat(goodJson.get("sectionPresent").asBoolean()).isTrue();
    assertThat(goodJson.get("diagnostics")).isEmpty();
    assertThat(goodJson.get("config").get("block_cache_size_mb").asLong()).isEqualTo(16);
    assertThat(goodJson.get("config").get("write_buffer_size_mb").asLong()).isEqualTo(8);
    RocksDbConfig config = RocksDbConfig.defaults().withBlockCacheSizeMb(16);
    assertThat(goodJson.get("worstCase").get("mb").asLong())
        .isEqualTo(MemoryModel.worstCaseMb(config, 7));
    assertThat(goodJson.get("worstCase").get("formula").asText())
        .isEqualTo(MemoryModel.formula(config, 7));
  }

  @Test
  void badOptionValuesAreUsageErrors() throws IOException {
    Path file = write("config.toml", "[rocksdb]\n");

    CliRun zeroBudget = CliRun.of("check", "--budget-mb", "0", file.toString());
    CliRun zeroCfs = CliRun.of("check", "--column-families", "0", file.toString());
    CliRun noFile = CliRun.of("check");

    assertThat(zeroBudget.exitCode()).isEqualTo(2);
    assertThat(zeroBudget.err())
        .contains("--budget-mb must be between 1 and 8796093022207 (MB), got 0");
    assertThat(zeroCfs.exitCode()).isEqualTo(2);
    assertThat(zeroCfs.err()).contains("--column-families must be >= 1, got 0");
    assertThat(noFile.exitCode()).isEqualTo(2);
    assertThat(noFile.err()).contains("Missing required parameter: 'FILE'");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}

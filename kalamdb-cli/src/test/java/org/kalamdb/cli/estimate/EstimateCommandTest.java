package org.kalamdb.cli.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.cli.CliRun;
import org.kalamdb.cli.ServerToml;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.ProcessModel;
import org.kalamdb.config.RocksDbConfig;

class EstimateCommandTest {

  @TempDir Path dir;

  @Test
  void theSeedScenariosAgainstTheBuiltInDefaults() {
    CliRun run = CliRun.of("estimate");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    RocksDbConfig seed = RocksDbConfig.defaults();
    for (int cfs : new int[] {7, 17, 57}) {
      long defaults = cfs * (64L * 2 + 32);
      long configured = MemoryModel.worstCaseMb(seed, cfs);
      assertThat(run.out())
          .contains("| " + defaults + " MB ")
          .contains("| " + configured + " MB ")
          .contains(cfs + " x 64 MB x 2 + " + cfs + " x 32 MB cache = " + defaults + " MB")
          .contains(MemoryModel.formula(seed, cfs) + " = " + configured + " MB")
          .contains(
              "    process:          "
                  + ProcessModel.processSentence(seed, cfs).substring("process: ".length()));
    }
    // 7 CFs: (1120 - 144) / 1120
    assertThat(run.out()).contains("| 7 CFs (server startup, 7 system) | 1120 MB ");
    assertThat(run.out()).contains("(1120 - 144) / 1120 = 87.1%");
  }

  /** docs/cli.md, "kalamdb estimate": the example output is the command's whole output. */
  @Test
  void theManualsExampleIsWhatTheCommandPrints() throws IOException {
    List<String> manual = Files.readAllLines(Path.of("..", "docs", "cli.md"));
    CliRun run = CliRun.of("estimate");

    List<String> printed = run.out().lines().toList();
    int start = manual.indexOf(printed.get(0));
    assertThat(start).as("the example in docs/cli.md").isPositive();
    assertThat(manual.subList(start, start + printed.size())).isEqualTo(printed);
  }

  @Test
  void jsonFiguresEqualTheMemoryModelsForAGivenConfig() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("config.toml"),
            "[rocksdb]\nwrite_buffer_size_mb = 4\nblock_cache_size_mb = 16\n");
    RocksDbConfig config =
        RocksDbConfig.defaults().withWriteBufferSizeMb(4).withBlockCacheSizeMb(16);

    CliRun run =
        CliRun.of("estimate", "--config", file.toString(), "--column-families", "3,200", "--json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("config").asText()).isEqualTo(file.toString());
    assertThat(json.get("scenarios")).hasSize(2);
    int i = 0;
    for (int cfs : new int[] {3, 200}) {
      JsonNode row = json.get("scenarios").get(i++);
      long defaults = RocksDbDefaults.worstCaseMb(cfs);
      long configured = MemoryModel.worstCaseMb(config, cfs);
      assertThat(row.get("columnFamilies").asInt()).isEqualTo(cfs);
      assertThat(row.get("defaultsMb").asLong()).isEqualTo(defaults).isEqualTo(cfs * 160L);
      assertThat(row.get("configMb").asLong()).isEqualTo(configured);
      assertThat(row.get("configFormula").asText()).isEqualTo(MemoryModel.formula(config, cfs));
      assertThat(row.get("savingPercent").asDouble())
          .isCloseTo(
              100.0 * (defaults - configured) / defaults,
              org.assertj.core.data.Offset.offset(0.05));
      JsonNode process = json.get("process").get(i - 1);
      assertThat(process.get("bytes").bigIntegerValue())
          .isEqualTo(ProcessModel.processBytes(config, cfs));
      assertThat(process.get("formula").asText()).isEqualTo(ProcessModel.formula(config, cfs));
    }
  }

  @Test
  void anInvalidConfigIsReportedAndNothingEstimated() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.toml"), "[rocksdb]\nblock_cache_size_mb = -1\n");

    CliRun run = CliRun.of("estimate", "--config", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines().get(0))
        .startsWith(file + ":2:")
        .contains("error: block_cache_size_mb");
  }

  @Test
  void aZeroCountIsAUsageError() {
    CliRun run = CliRun.of("estimate", "--column-families", "7,0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--column-families must be >= 1, got 0");
  }

  @Test
  void savingIsRoundedToOneDecimalAndMayBeNegative() {
    assertThat(Estimate.savingPercent(BigInteger.valueOf(1120), BigInteger.valueOf(144)))
        .isEqualTo(new BigDecimal("87.1"));
    assertThat(Estimate.savingPercent(BigInteger.valueOf(160), BigInteger.valueOf(320)))
        .isEqualTo(new BigDecimal("-100.0"));
    assertThat(Estimate.savingPercent(BigInteger.valueOf(160), BigInteger.valueOf(160)))
        .isEqualTo(new BigDecimal("0.0"));
  }

  @Test
  void theServerDialectComparesTheServersSixColumnFamilies() {
    CliRun run = CliRun.of("estimate", "--dialect", "kalamdb-server");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    RocksDbConfig server = RocksDbConfig.serverDefaults();
    assertThat(run.out())
        .contains("RocksDB defaults vs the KalamDB server's defaults")
        .contains("| 6 CFs (KalamDB server) | 960 MB           | 3.25 MB     | 99.7%  |")
        .contains(MemoryModel.formula(server, 6) + " = 3.25 MB")
        .contains("(960 - 3.25) / 960 = 99.7%");
  }

  @Test
  void aServerFileIsEstimatedInExactBytes() throws IOException {
    Path file = Files.writeString(dir.resolve("server.toml"), ServerToml.text());

    CliRun run = CliRun.of("estimate", "--config", file.toString(), "--json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("dialect").asText()).isEqualTo("kalamdb-server");
    assertThat(json.get("scenarios")).hasSize(1);
    JsonNode row = json.get("scenarios").get(0);
    assertThat(row.get("columnFamilies").asInt()).isEqualTo(6);
    assertThat(row.get("defaultsMb").asLong()).isEqualTo(960);
    assertThat(row.get("configBytes").asLong()).isEqualTo(ServerToml.WORST_CASE_BYTES);
    assertThat(row.get("configText").asText()).isEqualTo("8.88 MB");
    assertThat(row.get("configFormula").asText()).isEqualTo(ServerToml.FORMULA);
    assertThat(row.get("savingPercent").asDouble()).isEqualTo(99.1);
  }
}

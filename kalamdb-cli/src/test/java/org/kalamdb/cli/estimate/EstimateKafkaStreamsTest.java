package org.kalamdb.cli.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kalamdb.cli.CliRun;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.RocksDbConfig;

/**
 * {@code kalamdb estimate --kafka-streams}: a topology's worst case, Kafka's defaults vs a config.
 */
class EstimateKafkaStreamsTest {

  /** The example config of docs/cli.md: the sample project's, 8 MB x 2, 32 MB cache, 32 MB cap. */
  private static final Path SAMPLE_CONFIG =
      Path.of("..", "sample-project", "src", "main", "resources", "config.toml");

  /** As docs/cli.md names the sample config (from the repository's root). */
  private static final String MANUAL_CONFIG = "sample-project/src/main/resources/config.toml";

  @TempDir Path dir;

  /**
   * docs/cli.md, "kalamdb estimate", Kafka Streams: the command's whole output as printed there
   * (the config named as the page names it, from the repository's root).
   */
  @Test
  void theReadmeExampleIsWhatTheCommandPrints() {
    CliRun run =
        CliRun.of(
            "estimate",
            "--kafka-streams",
            "--stores",
            "10",
            "--partitions",
            "4",
            "--config",
            SAMPLE_CONFIG.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out().replace(SAMPLE_CONFIG.toString(), MANUAL_CONFIG))
        .isEqualTo(
"""
Worst case of a Kafka Streams topology, Kafka's defaults vs sample-project/src/main/resources/config.toml through KalamRocksDBConfigSetter:

| Scope                | Kafka's defaults | this config | saving |
| -------------------- | ---------------- | ----------- | ------ |
| per RocksDB instance | 148 MB           | shared cap  | -      |
| 40 instances         | 5920 MB          | 72 MB       | 98.8%  |

Formulas:
  RocksDB instances: 10 stores x 4 partitions x 1 segment = 40
  column families:   40 instances x 3 column families = 120 (2 with the store's options + offsets, each)
  Kafka's defaults:
    per instance:    2 x 16 MB x 3 + 1 MB x 2 offsets + 50 MB cache = 148 MB
    total:           40 x 148 MB = 5920 MB
  this config:
    per instance:    none of its own: one 32 MB cache and the 32 MB memtable limit for all 40 instances
    total:           32 MB cache + 32 MB memtable limit + 120 x 64 KB overhead = 72 MB
  saving:            (5920 - 72) / 5920 = 98.8%

Kafka's defaults (Kafka Streams 4.4 RocksDBStore), per RocksDB instance: its own 50 MB LRU block cache, and write_buffer_size 16 MB x max_write_buffer_number 3 in each column family with the store's options; the offsets column family has options of its own, 1 MB x 2, which no config setter sees. Every store x partition x segment is its own RocksDB instance.
""");
  }

  @Test
  void withoutACapEveryInstanceHasTheConfigsBuffersAndAllShareOneCache() {
    // The built-in defaults: 8 MB x 2, one 32 MB cache, no cap.
    CliRun run = CliRun.of("estimate", "--kafka-streams", "--stores", "30", "--partitions", "8");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    // 240 instances, 480 column families with the store's options, 240 offsets column families.
    long kafka = 240L * (2 * 16 * 3 + 1 * 2 + 50);
    long config = 480L * 8 * 2 + 32 + 240L * 1 * 2;
    assertThat(kafka).isEqualTo(35520);
    assertThat(config).isEqualTo(8192);
    assertThat(run.out())
        .contains("| per RocksDB instance | 148 MB           | 34 MB + shared cache |")
        .contains("| 240 instances        | 35520 MB         | 8192 MB              | 76.9%  |")
        .contains("RocksDB instances: 30 stores x 8 partitions x 1 segment = 240")
        .contains("240 instances x 3 column families = 720")
        .contains("per instance:    2 x 8 MB x 2 + 1 MB x 2 offsets = 34 MB, and one 32 MB cache")
        .contains(
            "total:           "
                + MemoryModel.formula(RocksDbConfig.defaults(), 480)
                + " + 240 x 1 MB x 2 offsets = 8192 MB")
        .contains("(35520 - 8192) / 35520 = 76.9%");
  }

  @Test
  void segmentsAndColumnFamiliesMultiplyTheInstances() {
    CliRun run =
        CliRun.of(
            "estimate",
            "--kafka-streams",
            "--stores",
            "3",
            "--partitions",
            "2",
            "--segments",
            "5",
            "--column-families-per-store",
            "2");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    // Stores.persistentKeyValueStore in 4.4: default + offsets; 1 x 16 MB x 3 + 2 + 50 = 100 MB.
    assertThat(run.out())
        .contains("RocksDB instances: 3 stores x 2 partitions x 5 segments = 30")
        .contains("30 instances x 2 column families = 60 (1 with the store's options + offsets")
        .contains("per instance:    1 x 16 MB x 3 + 1 MB x 2 offsets + 50 MB cache = 100 MB")
        .contains("total:           30 x 100 MB = 3000 MB");
  }

  @Test
  void aCapTooSmallForTheColumnFamiliesIsNoted() {
    CliRun run =
        CliRun.of(
            "estimate",
            "--kafka-streams",
            "--stores",
            "30",
            "--partitions",
            "8",
            "--config",
            SAMPLE_CONFIG.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    // 720 column families x 64 KB = 45 MB overhead; 720 x 128 KB = 90 MB for useful flushes.
    assertThat(run.out())
        .contains("| 240 instances        | 35520 MB         | 109 MB      | 99.7%  |")
        .contains("32 MB cache + 32 MB memtable limit + 720 x 64 KB overhead = 109 MB")
        .contains(
            "note: memtable_limit_mb = 32 is below the 90 MB that 720 column families need for"
                + " useful flushes (128 KB each)");
  }

  @Test
  void jsonCarriesEveryTermAndFigure() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("streams.toml"),
            "[rocksdb]\nwrite_buffer_size_mb = 4\nblock_cache_size_mb = 16\nmemtable_limit_mb = 64\n");
    RocksDbConfig config =
        RocksDbConfig.defaults()
            .withWriteBufferSizeMb(4)
            .withBlockCacheSizeMb(16)
            .withMemtableLimitMb(64);

    CliRun run =
        CliRun.of(
            "estimate",
            "--kafka-streams",
            "--stores",
            "7",
            "--partitions",
            "3",
            "--segments",
            "2",
            "--config",
            file.toString(),
            "--json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("config").asText()).isEqualTo(file.toString());
    JsonNode topology = json.get("topology");
    assertThat(topology.get("stores").asInt()).isEqualTo(7);
    assertThat(topology.get("partitions").asInt()).isEqualTo(3);
    assertThat(topology.get("segments").asInt()).isEqualTo(2);
    assertThat(topology.get("columnFamiliesPerStore").asInt()).isEqualTo(3);
    assertThat(topology.get("instances").asLong()).isEqualTo(42);
    assertThat(topology.get("columnFamilies").asLong()).isEqualTo(126);
    JsonNode estimate = json.get("estimate");
    assertThat(estimate.get("defaultsPerInstanceMb").asLong()).isEqualTo(148);
    assertThat(estimate.get("defaultsMb").bigIntegerValue())
        .isEqualTo(BigInteger.valueOf(42 * 148));
    assertThat(estimate.get("configMb").bigIntegerValue())
        .isEqualTo(MemoryModel.worstCaseMbExact(config, 126));
    assertThat(estimate.get("configBytes").bigIntegerValue())
        .isEqualTo(MemoryModel.worstCaseBytes(config, 126));
    assertThat(estimate.get("configFormula").asText()).isEqualTo(MemoryModel.formula(config, 126));
    assertThat(estimate.get("capped").asBoolean()).isTrue();
    assertThat(estimate.get("savingPercent").decimalValue())
        .isEqualByComparingTo(
            Estimate.savingPercent(
                BigInteger.valueOf(42 * 148), MemoryModel.worstCaseMbExact(config, 126)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--stores 3 | --stores needs --kafka-streams",
        "--partitions 3 | --partitions needs --kafka-streams",
        "--segments 3 | --segments needs --kafka-streams",
        "--column-families-per-store 3 | --column-families-per-store needs --kafka-streams",
        "--kafka-streams | --kafka-streams needs --stores N and --partitions P",
        "--kafka-streams --stores 3 | --kafka-streams needs --stores N and --partitions P",
        "--kafka-streams --stores 0 --partitions 3 | --stores must be >= 1, got 0",
        "--kafka-streams --stores 3 --partitions -1 | --partitions must be >= 1, got -1",
        "--kafka-streams --stores 3 --partitions 1 --segments 0 | --segments must be >= 1, got 0",
        "--kafka-streams --stores 3 --partitions 1 --column-families-per-store 1"
            + " | --column-families-per-store must be >= 2 (every Kafka Streams 4.4 store has its"
            + " offsets column family), got 1",
        "--kafka-streams --stores 3 --partitions 1 --column-families 7"
            + " | --column-families and --kafka-streams exclude each other",
        "--kafka-streams --stores 100000 --partitions 100000"
            + " | the topology has 30000000000 column families (100000 stores x 100000 partitions x"
            + " 1 segment x 3), more than the 2147483647 this estimate counts",
        "--kafka-streams --stores 2147483647 --partitions 2147483647 --segments 2147483647"
            + " --column-families-per-store 2147483647"
            + " | the topology has 21267647892944572736998860269687930881 column families",
        "--kafka-streams --stores 3 --partitions 1 --dialect kalamdb-server"
            + " | --kafka-streams estimates a toolkit config ([rocksdb]), not a kalamdb-server one",
      })
  void usageErrorsAreOneLineAndExitTwo(String args, String message) {
    String[] argv = ("estimate " + args.strip()).split(" ");

    CliRun run = CliRun.of(argv);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.errLines().get(0)).contains(message);
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }
}

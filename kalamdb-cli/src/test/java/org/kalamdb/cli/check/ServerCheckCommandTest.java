package org.kalamdb.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.cli.CliRun;
import org.kalamdb.cli.ServerToml;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.RocksDbConfig;

/** {@code kalamdb check} on KalamDB {@code server.toml} files (the kalamdb-server dialect). */
class ServerCheckCommandTest {

  @TempDir Path dir;

  @Test
  void aServerFileIsDetectedAndItsWorstCaseIsExact() throws IOException {
    Path file = write("server.toml", ServerToml.text());

    CliRun run = CliRun.of("check", file.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(ServerToml.WORST_CASE_BYTES).isEqualTo(9306112);
    assertThat(run.outLines())
        .containsExactly(
            file
                + ": ok, worst case 8.88 MB (9306112 bytes) for 6 column families ("
                + ServerToml.FORMULA
                + ")");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aBudgetIsCheckedAgainstTheServersSixColumnFamilies() throws IOException {
    Path file = write("server.toml", ServerToml.text());

    CliRun within = CliRun.of("check", "--budget-mb", "9", file.toString());
    CliRun over = CliRun.of("check", "--budget-mb", "8", file.toString());

    assertThat(within.exitCode()).as(within.toString()).isZero();
    assertThat(over.exitCode()).as(over.toString()).isEqualTo(1);
    assertThat(over.outLines().get(0))
        .isEqualTo(
            file
                + ": error: worst case 8.88 MB (9306112 bytes) for 6 column families exceeds the"
                + " budget of 8 MB ("
                + ServerToml.FORMULA
                + ")");
  }

  @Test
  void everyProblemOfABrokenServerFileIsLocated() throws IOException {
    String broken =
        ServerToml.with("block_cache_size = 4194304", "block_cache_sise = 4194304")
            .replace("max_open_files = 512", "max_open_files = -5")
            .replace(
                "[storage.rocksdb.cf_profiles.hot_data]\nwrite_buffer_size = 1048576\n"
                    + "max_write_buffers = 3\n",
                "[storage.rocksdb.cf_profiles.hot_data]\nwrite_buffer_size = 1048576\n");
    Path file = write("server.toml", broken);

    CliRun run = CliRun.of("check", file.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.outLines()).hasSize(4);
    assertThat(run.outLines().get(0))
        .startsWith(file + ":7:1: error: unknown key 'block_cache_sise' in [storage.rocksdb]")
        .endsWith("did you mean 'block_cache_size'?");
    assertThat(run.outLines().get(1))
        .startsWith(file + ":9:18: error: max_open_files must be an integer >= -1, got -5");
    assertThat(run.outLines().get(2))
        .startsWith(file + ":19:1: error: profile hot_data gives no max_write_buffers");
    assertThat(run.outLines().get(3)).isEqualTo(file + ": 3 errors; not valid");
  }

  @Test
  void anUnknownDialectIsAUsageErrorNamingTheKnownOnes() throws IOException {
    Path file = write("server.toml", ServerToml.text());

    CliRun run = CliRun.of("check", "--dialect", "server", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "Invalid value for option '--dialect': unknown dialect 'server'; known dialects"
                + " (case-insensitive): toolkit, kalamdb-server")
        .doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void theDialectIsNamedInAnyCase() throws IOException {
    Path file = write("both.toml", ServerToml.text() + "[rocksdb]\nwrite_buffer_size_mb = 4\n");

    CliRun server = CliRun.of("check", "--dialect", "KALAMDB-SERVER", file.toString());
    CliRun toolkit = CliRun.of("check", "--dialect", "Toolkit", file.toString());

    assertThat(server.exitCode()).as(server.toString()).isZero();
    assertThat(server.out()).contains("6 column families");
    assertThat(toolkit.exitCode()).as(toolkit.toString()).isZero();
    assertThat(toolkit.out()).contains("57 column families");
  }

  @Test
  void aFileWithBothSectionsNeedsTheDialect() throws IOException {
    Path file = write("both.toml", ServerToml.text() + "[rocksdb]\nwrite_buffer_size_mb = 4\n");

    CliRun detected = CliRun.of("check", file.toString());
    CliRun server = CliRun.of("check", "--dialect", "kalamdb-server", file.toString());
    CliRun toolkit = CliRun.of("check", "--dialect", "toolkit", file.toString());

    assertThat(detected.exitCode()).as(detected.toString()).isEqualTo(1);
    assertThat(detected.outLines().get(0))
        .startsWith(file + ":30:1: error: the file has both [rocksdb] (line 30")
        .contains("[storage.rocksdb] (line 6", "--dialect");
    assertThat(server.exitCode()).as(server.toString()).isZero();
    assertThat(server.outLines())
        .containsExactly(
            file
                + ": ok, worst case 8.88 MB (9306112 bytes) for 6 column families ("
                + ServerToml.FORMULA
                + ")");
    assertThat(toolkit.exitCode()).as(toolkit.toString()).isZero();
    assertThat(toolkit.outLines())
        .containsExactly(
            file + ": ok, worst case 488 MB for 57 column families (57 x 4 MB x 2 + 32 MB cache)");
  }

  @Test
  void aForcedServerDialectOnAFileWithoutTheSectionSaysTheServersDefaultsApply()
      throws IOException {
    Path file = write("server.toml", "[server]\nport = 8080\n");

    CliRun run = CliRun.of("check", "--dialect", "kalamdb-server", file.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    RocksDbConfig defaults = RocksDbConfig.serverDefaults();
    assertThat(run.outLines())
        .containsExactly(
            file
                + ": ok; no [storage.rocksdb] section; the server's defaults apply, "
                + MemoryModel.worstCaseSentence(defaults, 6));
    assertThat(run.out()).contains("worst case 3.25 MB (3407872 bytes) for 6 column families");
  }

  @Test
  void theLegacyKeysGetTheWorstCaseOfTheReleasesThatReadThem() throws IOException {
    Path file =
        write(
            "server.toml",
            ServerToml.with(
                "compact_on_startup = false\n",
                "compact_on_startup = false\nwrite_buffer_size = 524288\nmax_write_buffers = 2\n"));

    CliRun run = CliRun.of("check", file.toString());
    CliRun ten = CliRun.of("check", "--column-families", "10", file.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outLines()).hasSize(3); // two warnings, then the one summary line
    assertThat(run.outLines().get(2))
        .startsWith(file + ": ok with 2 warnings, worst case 8.88 MB")
        .endsWith(
            ServerToml.FORMULA
                + "); with the legacy keys (releases before 2026-03, one column family per table):"
                + " worst case 61 MB (63963136 bytes) for 57 column families (57 x 512 KiB x 2 + 4"
                + " MiB cache)");
    assertThat(ten.outLines().get(2)).contains("for 10 column families (10 x 512 KiB x 2");
  }

  @Test
  void jsonCarriesTheDialectAndEveryValueInBytes() throws IOException {
    Path file = write("server.toml", ServerToml.text());

    CliRun run = CliRun.of("check", "--json", file.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("columnFamilies").isNull()).isTrue();
    assertThat(json.get("dialect").isNull()).isTrue();
    JsonNode report = json.get("files").get(0);
    assertThat(report.get("dialect").asText()).isEqualTo("kalamdb-server");
    assertThat(report.get("sectionPresent").asBoolean()).isTrue();
    JsonNode worst = report.get("worstCase");
    assertThat(worst.get("bytes").bigIntegerValue())
        .isEqualTo(BigInteger.valueOf(ServerToml.WORST_CASE_BYTES));
    assertThat(worst.get("mb").asLong()).isEqualTo(9);
    assertThat(worst.get("columnFamilies").asInt()).isEqualTo(6);
    assertThat(worst.get("formula").asText()).isEqualTo(ServerToml.FORMULA);
    assertThat(report.get("legacyWorstCase").isNull()).isTrue();
    JsonNode config = report.get("config");
    assertThat(config.get("block_cache_size").asLong()).isEqualTo(4194304);
    assertThat(config.get("max_background_jobs").asInt()).isEqualTo(4);
    assertThat(config.get("max_open_files").asInt()).isEqualTo(512);
    assertThat(config.get("sync_writes").asBoolean()).isFalse();
    assertThat(config.get("disable_wal").asBoolean()).isFalse();
    assertThat(config.get("compact_on_startup").asBoolean()).isFalse();
    assertThat(config.get("cf_profiles.hot_data.write_buffer_size").asLong()).isEqualTo(1048576);
    assertThat(config.get("cf_profiles.hot_data.max_write_buffers").asInt()).isEqualTo(3);
    assertThat(config.size()).isEqualTo(6 + 5 * 2);
    assertThat(config.has("write_buffer_size_mb")).isFalse();
  }

  @Test
  void jsonOfAToolkitFileNamesItsDialectToo() throws IOException {
    Path file = write("config.toml", "[rocksdb]\n");

    CliRun run =
        CliRun.of("check", "--json", "--dialect", "toolkit", "--column-families", "7", "" + file);

    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("dialect").asText()).isEqualTo("toolkit");
    JsonNode report = json.get("files").get(0);
    assertThat(report.get("dialect").asText()).isEqualTo("toolkit");
    assertThat(report.get("worstCase").get("bytes").asLong()).isEqualTo(144L << 20);
    assertThat(report.get("config").get("write_buffer_size_mb").asLong()).isEqualTo(8);
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}

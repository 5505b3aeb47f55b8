package org.kalamdb.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.cli.CliRun;
import org.kalamdb.cli.ServerToml;
import org.kalamdb.config.ConfigSizer;
import org.kalamdb.config.ConfigWriter;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.RocksDbConfig;

/** {@code kalamdb generate --dialect kalamdb-server}: the server.toml section and its profiles. */
class ServerGenerateCommandTest {

  @TempDir Path dir;

  @Test
  void printsTheServerSectionSizedForTheBudget() {
    CliRun run = CliRun.of("generate", "--dialect", "kalamdb-server", "--budget-mb", "32");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    RocksDbConfig sized = ConfigSizer.forServerBudget(32, RocksDbConfig.serverDefaults());
    assertThat(run.out()).isEqualTo(ConfigWriter.render(sized));
    assertThat(run.out()).startsWith("[storage.rocksdb]").doesNotContain("[rocksdb]");
    assertThat(run.err().strip()).isEqualTo(MemoryModel.worstCaseSentence(sized, 6));
    assertThat(MemoryModel.worstCaseBytes(sized, 6).longValueExact())
        .isLessThanOrEqualTo(32L << 20);
  }

  @Test
  void mergesIntoAServerFileKeepingItsSettingsAndEveryOtherByteThenChecksClean()
      throws IOException {
    String original = ServerToml.with("max_background_jobs = 4", "max_background_jobs = 2");
    Path file = Files.writeString(dir.resolve("server.toml"), original, StandardCharsets.UTF_8);

    CliRun generate =
        CliRun.of(
            "generate", "--dialect", "kalamdb-server", "--budget-mb", "32", "-o", file.toString());
    CliRun again = CliRun.of("generate", "--budget-mb", "32", "-o", file.toString());
    CliRun check = CliRun.of("check", "--json", "--budget-mb", "32", file.toString());

    assertThat(generate.exitCode()).as(generate.toString()).isZero();
    assertThat(generate.outLines()).containsExactly(file + ": updated");
    String merged = Files.readString(file);
    String before = original.substring(0, original.indexOf("[storage.rocksdb]\n"));
    String after = original.substring(original.indexOf("[logging]"));
    assertThat(merged).startsWith(before).endsWith(after);
    assertThat(merged).contains("\nmax_background_jobs = 2\n").doesNotContain("[rocksdb]");
    // Without --dialect the existing server file says which to write; nothing changed since.
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.outLines()).containsExactly(file + ": up to date");
    assertThat(check.exitCode()).as(check.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(check.out()).get("files").get(0);
    assertThat(report.get("dialect").asText()).isEqualTo("kalamdb-server");
    assertThat(report.get("diagnostics")).isEmpty();
    assertThat(report.get("config").get("max_background_jobs").asInt()).isEqualTo(2);
    assertThat(report.get("worstCase").get("bytes").asLong()).isLessThanOrEqualTo(32L << 20);
  }

  @Test
  void toolkitValuesAndCountsAreUsageErrorsForTheServer() {
    CliRun values =
        CliRun.of("generate", "--dialect", "kalamdb-server", "--write-buffer-size-mb", "4");
    CliRun counts = CliRun.of("generate", "--dialect", "kalamdb-server", "--column-families", "57");
    CliRun unknown = CliRun.of("generate", "--dialect", "kalamdb");

    assertThat(values.exitCode()).isEqualTo(2);
    assertThat(values.err()).contains("do not apply to --dialect kalamdb-server");
    assertThat(counts.exitCode()).isEqualTo(2);
    assertThat(counts.err()).contains("--column-families does not apply");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("known dialects (case-insensitive): toolkit, kalamdb-server");
  }
}

package org.kalamdb.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.cli.CliRun;
import org.kalamdb.config.ConfigSizer;
import org.kalamdb.config.ConfigValidator;
import org.kalamdb.config.ConfigWriter;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.config.ValidationResult;

class GenerateCommandTest {

  @TempDir Path dir;

  @Test
  void printsTheSectionSizedForTheBudget() {
    CliRun run = CliRun.of("generate", "--budget-mb", "256", "--column-families", "17");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    RocksDbConfig sized = ConfigSizer.forBudget(256, 17);
    assertThat(run.out()).isEqualTo(ConfigWriter.render(sized));
    assertThat(MemoryModel.worstCaseMb(sized, 17)).isLessThanOrEqualTo(256);
    assertThat(run.err().strip())
        .isEqualTo(
            "worst case "
                + MemoryModel.worstCaseMb(sized, 17)
                + " MB for 17 column families ("
                + MemoryModel.formula(sized, 17)
                + ")");
  }

  @Test
  void oneColumnFamilyIsSaidInTheSingular() {
    CliRun run = CliRun.of("generate", "--column-families", "1");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err().strip())
        .isEqualTo("worst case 48 MB for 1 column family (1 x 8 MB x 2 + 32 MB cache)");
  }

  @Test
  void withoutABudgetTheDefaultsAndExplicitValuesAreWritten() throws IOException {
    CliRun run =
        CliRun.of("generate", "--write-buffer-size-mb", "4", "--block-cache-size-mb", "64");

    assertThat(run.exitCode()).isZero();
    Path printed = Files.writeString(dir.resolve("printed.toml"), run.out());
    ValidationResult result = new ConfigValidator().validate(printed);
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.config())
        .isEqualTo(RocksDbConfig.defaults().withWriteBufferSizeMb(4).withBlockCacheSizeMb(64));
  }

  @Test
  void mergesIntoAFileKeepingEveryOtherByteAndSaysWhenItIsUpToDate() throws IOException {
    String before = "# my server\r\n[server]\r\nport = 1   # keep\r\n\r\n";
    String after = "\r\n[storage]\r\npath = \"data\" # also kept\r\n";
    Path file =
        Files.writeString(
            dir.resolve("config.toml"),
            before + "[rocksdb]\r\nwrite_buffer_size_mb = 64\r\n" + after,
            StandardCharsets.UTF_8);

    CliRun first =
        CliRun.of(
            "generate",
            "--budget-mb",
            "512",
            "--column-families",
            "17",
            "--output",
            file.toString());
    String merged = Files.readString(file);
    CliRun second =
        CliRun.of(
            "generate", "--budget-mb", "512", "--column-families", "17", "-o", file.toString());

    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out().strip()).isEqualTo(file + ": updated");
    assertThat(merged).startsWith(before).endsWith(after).doesNotContain("= 64");
    assertThat(new ConfigValidator().validate(file).config())
        .isEqualTo(ConfigSizer.forBudget(512, 17));
    assertThat(second.exitCode()).isZero();
    assertThat(second.out().strip()).isEqualTo(file + ": up to date");
    assertThat(Files.readString(file)).isEqualTo(merged);
  }

  @Test
  void createsAMissingFile() throws IOException {
    Path file = dir.resolve("new.toml");

    CliRun run = CliRun.of("generate", "-o", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip()).isEqualTo(file + ": created");
    assertThat(Files.readString(file)).contains(ConfigWriter.render(RocksDbConfig.defaults()));
  }

  @Test
  void anImpossibleBudgetExitsOneWithTheSmallestBudgetThatWorks() {
    CliRun run = CliRun.of("generate", "--budget-mb", "1", "--column-families", "57");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("kalamdb generate: error: ").contains("1 MB", "57");
    assertThat(run.errLines()).hasSize(1);
  }

  @Test
  void explicitValuesThatBreakTheBudgetAreRefused() {
    CliRun run =
        CliRun.of(
            "generate",
            "--budget-mb",
            "256",
            "--column-families",
            "17",
            "--write-buffer-size-mb",
            "64");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    RocksDbConfig explicit = ConfigSizer.forBudget(256, 17).withWriteBufferSizeMb(64);
    assertThat(run.err().strip())
        .isEqualTo(
            "kalamdb generate: error: "
                + MemoryModel.checkBudget(explicit, 17, 256, "x").get().message());
  }

  @Test
  void aCapTooSmallForTheColumnFamiliesIsRefusedAsCheckWouldRefuseIt() {
    Path output = dir.resolve("config.toml");
    CliRun run =
        CliRun.of(
            "generate",
            "--column-families",
            "57",
            "--memtable-limit-mb",
            "1",
            "--output",
            output.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("memtable_limit_mb = 1 is too small for 57 column families");
    assertThat(output).doesNotExist();
    CliRun check =
        CliRun.of(
            "generate", "--column-families", "57", "--memtable-limit-mb", "8", "--budget-mb", "64");
    assertThat(check.exitCode()).as(check.toString()).isZero();
  }

  @Test
  void anInvalidFileIsLeftUnchanged() throws IOException {
    Path file = Files.writeString(dir.resolve("broken.toml"), "[server\nport = 1\n");

    CliRun run = CliRun.of("generate", "-o", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines().get(0)).startsWith(file + ":1:").contains(": error: ");
    assertThat(run.errLines())
        .last()
        .isEqualTo(
            "kalamdb generate: error: cannot merge the [rocksdb] section into "
                + file
                + ", which has 1 error (see the lines above); the file was left as it was");
    assertThat(Files.readString(file)).isEqualTo("[server\nport = 1\n");
  }

  /**
   * Valid TOML that cannot take the section is refused as the plugin refuses it, not as bad TOML.
   */
  @Test
  void aValidFileWithBothDialectsIsRefusedForWhatItIs() throws IOException {
    String both =
        "[rocksdb]\nwrite_buffer_size_mb = 4\n\n[storage.rocksdb]\nblock_cache_size = 8388608\n";
    Path file = Files.writeString(dir.resolve("both.toml"), both);

    CliRun run = CliRun.of("generate", "-o", file.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.errLines())
        .containsExactly(
            file
                + ":4:1: error: the file has [storage.rocksdb] (dialect kalamdb-server): write"
                + " its settings with dialect kalamdb-server, or remove that section before"
                + " writing [rocksdb]",
            "kalamdb generate: error: cannot merge the [rocksdb] section into "
                + file
                + ", which has 1 error (see the lines above); the file was left as it was");
    assertThat(run.err()).doesNotContain("not valid TOML");
    assertThat(Files.readString(file)).isEqualTo(both);
  }

  @Test
  void aServerSectionInAnInlineTableIsRefusedForWhatItIs() throws IOException {
    String inline = "storage = { rocksdb = { block_cache_size = 8388608 } }\n";
    Path file = Files.writeString(dir.resolve("server.toml"), inline);

    CliRun run = CliRun.of("generate", "-o", file.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.errLines()).hasSize(2);
    assertThat(run.errLines().get(0)).startsWith(file + ": error: ");
    assertThat(run.errLines().get(1))
        .isEqualTo(
            "kalamdb generate: error: cannot merge the [storage.rocksdb] section into "
                + file
                + ", which has 1 error (see the lines above); the file was left as it was");
    assertThat(Files.readString(file)).isEqualTo(inline);
  }

  @Test
  void outOfRangeValuesAreUsageErrors() {
    CliRun zeroBuffer = CliRun.of("generate", "--write-buffer-size-mb", "0");
    CliRun zeroBudget = CliRun.of("generate", "--budget-mb", "0");

    assertThat(zeroBuffer.exitCode()).isEqualTo(2);
    assertThat(zeroBuffer.err()).contains("write_buffer_size_mb must be an integer >= 1, got 0");
    assertThat(zeroBudget.exitCode()).isEqualTo(2);
    assertThat(zeroBudget.err())
        .contains("--budget-mb must be between 1 and 8796093022207 (MB), got 0");
  }
}

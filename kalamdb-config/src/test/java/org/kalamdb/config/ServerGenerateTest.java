package org.kalamdb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sizing and writing {@code [storage.rocksdb]} for a KalamDB server. */
class ServerGenerateTest {

  private static ValidationResult check(byte[] content, long budgetMb) {
    return new ConfigValidator(CheckOptions.budget(budgetMb, 6).withDialect(Dialect.KALAMDB_SERVER))
        .validate(content, "server.toml");
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 16, 64, 256, 4096})
  void everyBudgetGivesAConfigWithinItThatChecksClean(long budgetMb) {
    RocksDbConfig sized = ConfigSizer.forServerBudget(budgetMb, RocksDbConfig.serverDefaults());

    BigInteger worst = MemoryModel.worstCaseBytes(sized, 6);
    assertThat(worst).isLessThanOrEqualTo(BigInteger.valueOf(budgetMb << 20));
    // Most of the budget is used, not a token share of it (the 64 MiB buffer cap aside).
    if (budgetMb <= 256) {
      assertThat(worst.doubleValue()).isGreaterThan(0.9 * (budgetMb << 20));
    }
    ValidationResult result =
        check(ConfigWriter.render(sized).getBytes(StandardCharsets.UTF_8), budgetMb);
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.config()).isEqualTo(sized);
  }

  @Test
  void sizingKeepsTheProportionsOfTheDefaultsAndTheDatabaseSettings() {
    RocksDbConfig base =
        RocksDbConfig.serverDefaults()
            .withDbSettings(
                new DbSettings(OptionalInt.of(8), OptionalInt.of(1024), true, false, true));
    RocksDbConfig sized = ConfigSizer.forServerBudget(64, base);
    assertThat(sized.dbSettings()).isEqualTo(base.dbSettings());
    assertThat(sized.blockCacheSizeBytes()).isEqualTo(16L << 20);
    long meta = sized.profileFor("system_meta").writeBufferSizeBytes();
    assertThat(sized.profileFor("hot_data").writeBufferSizeBytes()).isEqualTo(4 * meta);
    assertThat(sized.profileFor("raft_data").writeBufferSizeBytes()).isEqualTo(8 * meta);
  }

  @Test
  void aBudgetBelowOneMbIsRefused() {
    assertThatThrownBy(() -> ConfigSizer.forServerBudget(0, RocksDbConfig.serverDefaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("budget must be between 1");
  }

  @Test
  void mergingIntoAServerFileKeepsEveryByteOutsideTheSection(@TempDir Path dir) throws IOException {
    String original = ServerDialectTest.fixture("current.toml");
    Path file = Files.writeString(dir.resolve("server.toml"), original);
    RocksDbConfig existing = RocksDbConfig.load(file);
    RocksDbConfig sized = ConfigSizer.forServerBudget(32, existing);

    assertThat(ConfigWriter.write(file, sized)).isTrue();
    String merged = Files.readString(file);

    String before = original.substring(0, original.indexOf("[storage.rocksdb]\n"));
    String after = original.substring(original.indexOf("[datafusion]"));
    assertThat(merged).startsWith(before).endsWith(after);
    // In place: the section's own comment and trailing comments stay, the values are the new ones.
    assertThat(merged)
        .contains("[storage.rocksdb]\n# One LRU cache for every column family, in bytes.\n")
        .contains("block_cache_size = " + sized.blockCacheSizeBytes() + "          # 8 MiB\n")
        .contains(
            "[storage.rocksdb.cf_profiles.hot_data]\nwrite_buffer_size = "
                + sized.profileFor("hot_data").writeBufferSizeBytes()
                + "         # 4 MiB\n");
    assertThat(RocksDbConfig.load(file)).isEqualTo(sized);
    assertThat(ConfigWriter.write(file, sized)).as("idempotent").isFalse();
  }

  @Test
  void mergingIntoALegacyFileDropsTheIgnoredKeys(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(dir.resolve("server.toml"), ServerDialectTest.fixture("legacy.toml"));
    RocksDbConfig sized = ConfigSizer.forServerBudget(48, RocksDbConfig.load(file));
    ConfigWriter.write(file, sized);

    ValidationResult result = check(Files.readAllBytes(file), 48);
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.config().legacyProfile()).isEmpty();
  }

  @Test
  void dottedKeysInsideStorageAreReplacedAndTheRestOfStorageKept(@TempDir Path dir)
      throws IOException {
    String original =
        "[storage]\ndata_path = \"./data\"\nrocksdb.block_cache_size = 1024\n\n[logging]\nlevel = \"info\"\n";
    Path file = Files.writeString(dir.resolve("server.toml"), original);
    RocksDbConfig sized = ConfigSizer.forServerBudget(8, RocksDbConfig.load(file));
    ConfigWriter.write(file, sized);

    String merged = Files.readString(file);
    assertThat(merged)
        .startsWith("[storage]\ndata_path = \"./data\"\n\n[logging]\nlevel = \"info\"\n")
        .doesNotContain("rocksdb.block_cache_size");
    assertThat(RocksDbConfig.load(file)).isEqualTo(sized);
  }

  @Test
  void anInlineStorageTableIsRefusedWithTheFix(@TempDir Path dir) throws IOException {
    String original = "storage = { data_path = \"./data\", rocksdb = { block_cache_size = 1 } }\n";
    Path file = Files.writeString(dir.resolve("server.toml"), original);
    RocksDbConfig sized = ConfigSizer.forServerBudget(8, RocksDbConfig.load(file));
    assertThatThrownBy(() -> ConfigWriter.write(file, sized))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("cannot merge into storage = { ... }")
        .hasMessageContaining("[storage.rocksdb]");
    assertThat(Files.readString(file)).isEqualTo(original);
  }

  @Test
  void aSectionOfTheOtherDialectIsRefusedAndTheFileKept(@TempDir Path dir) throws IOException {
    String server = ServerDialectTest.fixture("current.toml");
    Path file = Files.writeString(dir.resolve("server.toml"), server);
    assertThatThrownBy(() -> ConfigWriter.write(file, RocksDbConfig.defaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            file
                + ":21:1: error: the file has [storage.rocksdb] (dialect kalamdb-server): write its"
                + " settings with dialect kalamdb-server");
    assertThat(Files.readString(file)).isEqualTo(server);

    Path toolkit =
        Files.writeString(dir.resolve("config.toml"), "[rocksdb]\nblock_cache_size_mb = 8\n");
    assertThatThrownBy(() -> ConfigWriter.write(toolkit, RocksDbConfig.serverDefaults()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(":1:1: error: the file has [rocksdb] (dialect toolkit)");
  }

  @Test
  void withoutABudgetTheServerDefaultsAreWrittenAsTheyRun(@TempDir Path dir) throws IOException {
    RocksDbConfig asRun =
        ConfigSizer.forServerBudgetOrDefaults(null, ConfigSizer.serverBase(dir.resolve("none")));
    assertThat(asRun.profileFor("system_meta").writeBufferSizeBytes()).isEqualTo(65536);
    assertThat(MemoryModel.worstCaseBytes(asRun, 6))
        .isEqualTo(MemoryModel.worstCaseBytes(RocksDbConfig.serverDefaults(), 6));
    ValidationResult result =
        new ConfigValidator(CheckOptions.fileOnly())
            .validate(ConfigWriter.render(asRun).getBytes(StandardCharsets.UTF_8), "server.toml");
    assertThat(result.diagnostics()).isEmpty();

    Path existing =
        Files.writeString(dir.resolve("server.toml"), "[storage.rocksdb]\nmax_open_files = 2048\n");
    assertThat(ConfigSizer.serverBase(existing).dbSettings().maxOpenFiles()).hasValue(2048);
  }

  @Test
  void valuesAreListedUnderTheKeysOfTheFile() {
    RocksDbConfig config = RocksDbConfig.serverDefaults();
    assertThat(ConfigValues.text(config))
        .startsWith(
            "block_cache_size=2097152, max_background_jobs=4, max_open_files=512,"
                + " sync_writes=false, disable_wal=false, compact_on_startup=false,"
                + " cf_profiles.system_meta.write_buffer_size=32768,"
                + " cf_profiles.system_meta.max_write_buffers=2,")
        .endsWith("cf_profiles.raft.max_write_buffers=2");
    assertThat(ConfigValues.text(RocksDbConfig.defaults()))
        .isEqualTo(
            "write_buffer_size_mb=8, max_write_buffer_number=2, block_cache_size_mb=32,"
                + " memtable_limit_mb=0");
  }
}

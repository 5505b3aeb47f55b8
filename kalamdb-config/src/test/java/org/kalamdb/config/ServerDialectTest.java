package org.kalamdb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kalamdb-server dialect: full server files, each rule the server lets through, the model. */
class ServerDialectTest {
  private static final String FILE = "server.toml";

  static String fixture(String name) {
    try (InputStream in = ServerDialectTest.class.getResourceAsStream("/server/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ValidationResult check(String toml) {
    return check(toml, CheckOptions.none().withDialectColumnFamilies());
  }

  private static ValidationResult check(String toml, CheckOptions options) {
    return new ConfigValidator(options).validate(toml.getBytes(StandardCharsets.UTF_8), FILE);
  }

  private static List<String> lines(ValidationResult result) {
    return result.diagnostics().stream().map(Diagnostic::format).toList();
  }

  /** The current fixture with one line replaced; fails when the line is not there. */
  private static String currentWith(String line, String replacement) {
    String current = fixture("current.toml");
    assertThat(current).contains(line);
    return current.replace(line, replacement);
  }

  private static int lineOf(String text, String fragment) {
    String before = text.substring(0, text.indexOf(fragment));
    return (int) before.chars().filter(c -> c == '\n').count() + 1;
  }

  @Test
  void fullCurrentServerFileIsCleanAndReadAsTheServerReadsIt() {
    ValidationResult result = check(fixture("current.toml"));

    assertThat(result.diagnostics()).isEmpty();
    RocksDbConfig config = result.config();
    assertThat(config.dialect()).isEqualTo(Dialect.KALAMDB_SERVER);
    assertThat(config.blockCacheSizeBytes()).isEqualTo(8L << 20);
    assertThat(config.profileFor("hot_data"))
        .isEqualTo(new ColumnFamilyProfile("hot_data", 4L << 20, 3));
    assertThat(config.profileFor("raft_data").name()).isEqualTo("raft");
    assertThat(config.profileFor("default").name()).isEqualTo("system_meta");
    assertThat(config.profileFor("t42").name()).isEqualTo("system_meta");
    assertThat(config.dbSettings().maxOpenFiles()).hasValue(512);
    assertThat(config.legacyProfile()).isEmpty();
  }

  @Test
  void worstCaseOfTheCurrentFileIsDerivedByHand() {
    RocksDbConfig config = check(fixture("current.toml")).config();
    // default and system_meta 64 KiB x 2 each, system_index 64 KiB x 2, hot_data 4 MiB x 3,
    // hot_index 1 MiB x 2, raft_data 2 MiB x 2, and the 8 MiB cache.
    long expected =
        2 * (64 << 10) * 2
            + (64 << 10) * 2
            + (4L << 20) * 3
            + (1 << 20) * 2
            + (2 << 20) * 2
            + (8 << 20);
    assertThat(MemoryModel.worstCaseBytes(config, 6)).isEqualTo(BigInteger.valueOf(expected));
    assertThat(MemoryModel.worstCaseSentence(config, 6))
        .isEqualTo(
            "worst case 26.38 MB ("
                + expected
                + " bytes) for 6 column families (default 64 KiB x 2 + system_meta 64 KiB x 2 +"
                + " system_index 64 KiB x 2 + hot_data 4 MiB x 3 + hot_index 1 MiB x 2 +"
                + " raft_data 2 MiB x 2 + 8 MiB cache)");
    assertThat(MemoryModel.worstCaseMb(config, 6)).isEqualTo(27);
    // Column families beyond the server's six take system_meta.
    assertThat(MemoryModel.worstCaseBytes(config, 8))
        .isEqualTo(BigInteger.valueOf(expected + 2 * (64 << 10) * 2));
  }

  @Test
  void serverDefaultsRunTheSystemProfilesAt64KiB() {
    RocksDbConfig defaults = RocksDbConfig.serverDefaults();
    // 32 KiB system profiles run at 64 KiB: default, system_meta, system_index 128 KiB each,
    // hot_data 256 KiB, hot_index 128 KiB, raft 512 KiB, cache 2 MiB.
    assertThat(MemoryModel.worstCaseBytes(defaults, 6))
        .isEqualTo(BigInteger.valueOf((128 * 3 + 256 + 128 + 512) * 1024 + (2 << 20)));
  }

  @Test
  void aForcedDialectGivesTheServerDefaultsToAFileWithoutTheSection() {
    String minimal = "[server]\nport = 8080\n\n[storage]\ndata_path = \"/data\"\n";
    ValidationResult forced =
        check(minimal, CheckOptions.fileOnly().withDialect(Dialect.KALAMDB_SERVER));
    assertThat(forced.diagnostics()).isEmpty();
    assertThat(forced.sectionPresent()).isFalse();
    assertThat(forced.config()).isEqualTo(RocksDbConfig.serverDefaults());

    ValidationResult detected = check(minimal);
    assertThat(detected.config()).isEqualTo(RocksDbConfig.defaults());
  }

  @Test
  void everyFormOfTheSectionIsDetected() {
    for (String toml :
        List.of(
            "[storage.rocksdb]\nblock_cache_size = 1024\n",
            "[storage]\nrocksdb.block_cache_size = 1024\n",
            "[storage]\nrocksdb = { block_cache_size = 1024 }\n",
            "storage.rocksdb.block_cache_size = 1024\n",
            "storage = { rocksdb = { block_cache_size = 1024 } }\n")) {
      ValidationResult result = check(toml);
      assertThat(result.diagnostics()).as(toml).isEmpty();
      assertThat(result.config().dialect()).as(toml).isEqualTo(Dialect.KALAMDB_SERVER);
      assertThat(result.config().blockCacheSizeBytes()).as(toml).isEqualTo(1024);
    }
  }

  @Test
  void bothSectionsAreAnErrorNamingBothUnlessADialectIsGiven() {
    String both =
        "[rocksdb]\nwrite_buffer_size_mb = 4\n\n[storage.rocksdb]\nblock_cache_size = 0\n";
    assertThat(lines(check(both)))
        .containsExactly(
            "server.toml:4:1: error: the file has both [rocksdb] (line 1, dialect toolkit) and"
                + " [storage.rocksdb] (line 4, dialect kalamdb-server); remove one, or give the"
                + " dialect to read (--dialect, kalamdb.dialect, @KalamStoreTest(dialect = ...))");

    ValidationResult toolkit = check(both, CheckOptions.fileOnly().withDialect(Dialect.TOOLKIT));
    assertThat(toolkit.diagnostics()).isEmpty();
    assertThat(toolkit.config().writeBufferSizeMb()).isEqualTo(4);
    ValidationResult server =
        check(both, CheckOptions.fileOnly().withDialect(Dialect.KALAMDB_SERVER));
    assertThat(server.diagnostics()).isEmpty();
    assertThat(server.config().blockCacheSizeBytes()).isZero();
  }

  @Test
  void unknownKeysAndProfilesAreErrorsWithSuggestions() {
    String toml =
        currentWith("block_cache_size = 8388608", "block_cache_sise = 8388608")
            .replace(
                "[storage.rocksdb.cf_profiles.hot_data]", "[storage.rocksdb.cf_profiles.hot_dat]")
            .replace(
                "write_buffer_size = 1048576\n",
                "write_buffer_size = 1048576\nmax_write_buffer = 2\n");
    assertThat(lines(check(toml)))
        .containsExactly(
            "server.toml:"
                + lineOf(toml, "block_cache_sise")
                + ":1: error: unknown key 'block_cache_sise' in [storage.rocksdb] (the server"
                + " ignores it without a word); did you mean 'block_cache_size'?",
            "server.toml:"
                + lineOf(toml, "[storage.rocksdb.cf_profiles.hot_dat]")
                + ":1: error: unknown profile 'hot_dat' in [storage.rocksdb.cf_profiles] (the"
                + " server ignores it without a word); did you mean 'hot_data'?",
            "server.toml:"
                + lineOf(toml, "max_write_buffer =")
                + ":1: error: unknown key 'max_write_buffer' in profile hot_index (the server"
                + " ignores it without a word); did you mean 'max_write_buffers'?");
  }

  @Test
  void aProfileWithOneKeyOfTwoStopsTheServer() {
    String toml =
        currentWith(
            "write_buffer_size = 2097152\nmax_write_buffers = 2\n",
            "write_buffer_size = 2097152\n");
    ValidationResult result = check(toml);
    assertThat(lines(result))
        .containsExactly(
            "server.toml:"
                + lineOf(toml, "[storage.rocksdb.cf_profiles.raft]")
                + ":1: error: profile raft gives no max_write_buffers: the server will not start (a"
                + " profile needs both keys); add max_write_buffers = 2, or remove the table for"
                + " the defaults");
    assertThat(result.diagnostics().get(0).key()).isEqualTo("storage.rocksdb.cf_profiles.raft");
  }

  @Test
  void negativeSizesAndCountsSayWhatTheServerWouldDo() {
    String toml =
        currentWith("block_cache_size = 8388608", "block_cache_size = -1")
            .replace("max_background_jobs = 4", "max_background_jobs = -2")
            .replace("max_open_files = 512", "max_open_files = 3000000000");
    List<String> lines = lines(check(toml));
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0))
        .isEqualTo(
            "server.toml:"
                + lineOf(toml, "block_cache_size = -1")
                + ":20: error: block_cache_size must be an integer number of bytes >= 0, got -1:"
                + " the server fails to parse a negative size and will not start");
    assertThat(lines.get(1))
        .endsWith(
            "error: max_background_jobs must be an integer >= 0, got -2: the server would start"
                + " with it and hand it to RocksDB");
    assertThat(lines.get(2))
        .endsWith(
            "error: max_open_files must fit a 32-bit signed integer (at most 2147483647), got"
                + " 3000000000: the server will not start");
  }

  @Test
  void wrongTypesAreNamed() {
    String toml =
        currentWith("sync_writes = false", "sync_writes = \"no\"")
            .replace("write_buffer_size = 4194304         # 4 MiB", "write_buffer_size = \"4MB\"");
    assertThat(lines(check(toml)))
        .containsExactly(
            "server.toml:"
                + lineOf(toml, "sync_writes")
                + ":15: error: sync_writes must be true or false, got string \"no\"",
            "server.toml:"
                + lineOf(toml, "\"4MB\"")
                + ":21: error: write_buffer_size must be an integer number of bytes >= 0, got"
                + " string \"4MB\"");
  }

  @Test
  void valuesRocksDbRaisesWarnWithTheValueThatRuns() {
    String toml =
        currentWith(
            "[storage.rocksdb.cf_profiles.system_meta]\nwrite_buffer_size = 65536\nmax_write_buffers = 2",
            "[storage.rocksdb.cf_profiles.system_meta]\nwrite_buffer_size = 32768\nmax_write_buffers = 1");
    ValidationResult result = check(toml);
    assertThat(result.hasErrors()).isFalse();
    assertThat(result.warnings())
        .extracting(Diagnostic::message)
        .containsExactly(
            "write_buffer_size = 32768 of profile system_meta is raised to 65536 (64 KiB) by"
                + " RocksDB; write 65536 to say what runs",
            "max_write_buffers = 1 of profile system_meta is raised to 2 by RocksDB; write 2 to"
                + " say what runs");
    // The model counts what runs: the same as the current file's 64 KiB x 2.
    assertThat(MemoryModel.worstCaseBytes(result.config(), 6))
        .isEqualTo(MemoryModel.worstCaseBytes(check(fixture("current.toml")).config(), 6));
  }

  @Test
  void durabilityAndOpenFileSettingsWarnWithTheirConsequence() {
    String toml =
        currentWith("max_open_files = 512", "max_open_files = -1")
            .replace("sync_writes = false", "sync_writes = true")
            .replace("disable_wal = false", "disable_wal = true");
    ValidationResult result = check(toml);
    assertThat(result.hasErrors()).isFalse();
    assertThat(result.warnings())
        .extracting(Diagnostic::key)
        .containsExactly(
            "storage.rocksdb.max_open_files",
            "storage.rocksdb.sync_writes",
            "storage.rocksdb.sync_writes",
            "storage.rocksdb.disable_wal");
    assertThat(result.warnings().get(0).message()).contains("table readers", "outside the block");
    assertThat(result.warnings().get(1).message()).contains("fsync");
    assertThat(result.warnings().get(2).message()).contains("Sync writes has to enable WAL");
    assertThat(result.warnings().get(3).message()).contains("crash loses");
    // Either one alone is no conflict.
    assertThat(check(currentWith("sync_writes = false", "sync_writes = true")).warnings())
        .extracting(Diagnostic::message)
        .noneMatch(m -> m.contains("enable WAL"));
    assertThat(result.config().dbSettings().maxOpenFiles()).hasValue(-1);
    assertThat(result.config().dbSettings().disableWal()).isTrue();
  }

  @Test
  void legacyKeysWarnWithTheLinesToWriteAndGiveTheSeedsWorstCase() {
    String legacy = fixture("legacy.toml");
    ValidationResult result = check(legacy);
    assertThat(result.hasErrors()).isFalse();
    assertThat(lines(result))
        .containsExactly(
            "server.toml:"
                + lineOf(legacy, "write_buffer_size = 2097152")
                + ":1: warning: write_buffer_size under [storage.rocksdb] is ignored by KalamDB"
                + " releases since 2026-03, which read the per-column-family profiles instead; to"
                + " keep it, write [storage.rocksdb.cf_profiles.<profile>] write_buffer_size ="
                + " 2097152 and max_write_buffers = 2 for each of system_meta, system_index,"
                + " hot_data, hot_index, raft",
            "server.toml:"
                + lineOf(legacy, "max_write_buffers = 2")
                + ":1: warning: max_write_buffers under [storage.rocksdb] is ignored by KalamDB"
                + " releases since 2026-03, which read the per-column-family profiles instead; to"
                + " keep it, write [storage.rocksdb.cf_profiles.<profile>] write_buffer_size ="
                + " 2097152 and max_write_buffers = 2 for each of system_meta, system_index,"
                + " hot_data, hot_index, raft");
    RocksDbConfig config = result.config();
    // Today's server ignores the keys: the profiles' defaults run.
    assertThat(config.profiles()).isEqualTo(ServerLayout.DEFAULT_PROFILES);
    // Older releases: 57 column families x 2 MiB x 2 + 4 MiB cache, as the seed computed it.
    assertThat(MemoryModel.legacyWorstCaseBytes(config, 57))
        .hasValue(BigInteger.valueOf(57L * (2 << 20) * 2 + (4 << 20)));
    assertThat(MemoryModel.legacySentence(config, 57))
        .hasValue(
            "with the legacy keys (releases before 2026-03, one column family per table): worst"
                + " case 232 MB (243269632 bytes) for 57 column families (57 x 2 MiB x 2 + 4 MiB"
                + " cache)");
  }

  @Test
  void budgetsCheckTheServersWorstCaseAndTheLegacyOne() {
    CheckOptions budget =
        new CheckOptions(OptionalLong.of(64), OptionalInt.empty(), java.util.Optional.empty());
    assertThat(check(fixture("current.toml"), budget).hasErrors()).isFalse();

    ValidationResult legacy = check(fixture("legacy.toml"), budget);
    assertThat(legacy.errors())
        .singleElement()
        .extracting(Diagnostic::message)
        .isEqualTo(
            "with the legacy keys (releases before 2026-03), worst case 232 MB (243269632 bytes)"
                + " for 57 column families exceeds the budget of 64 MB (57 x 2 MiB x 2 + 4 MiB"
                + " cache)");

    ValidationResult tight = check(fixture("current.toml"), CheckOptions.budget(16, 6));
    assertThat(lines(tight))
        .containsExactly(
            "server.toml: error: worst case 26.38 MB (27656192 bytes) for 6 column families"
                + " exceeds the budget of 16 MB (default 64 KiB x 2 + system_meta 64 KiB x 2 +"
                + " system_index 64 KiB x 2 + hot_data 4 MiB x 3 + hot_index 1 MiB x 2 + raft_data"
                + " 2 MiB x 2 + 8 MiB cache)",
            "server.toml: warning: kalamdb generate --dialect kalamdb-server --budget-mb 16 writes"
                + " [storage.rocksdb] and profiles that fit the budget");
  }

  @Test
  void everyProblemOfAFileIsFoundInOneRunAndOtherSectionsAreNotChecked() {
    String toml =
        currentWith("max_background_jobs = 4", "max_background_jobs = 4.5")
            .replace("port = 8080", "port = \"not checked\"\nunknown_server_key = 1")
            .replace("max_write_buffers = 3", "max_write_buffers = -3")
            .replace(
                "compact_on_startup = false", "compact_on_startup = false\ncolumn_families = 6");
    ValidationResult result = check(toml);
    assertThat(result.errors())
        .extracting(Diagnostic::key)
        .containsExactly(
            "storage.rocksdb.max_background_jobs",
            "storage.rocksdb.column_families",
            "storage.rocksdb.cf_profiles.hot_data.max_write_buffers");
    // The profile with a bad value keeps the server's default.
    assertThat(result.config().profileFor("hot_data"))
        .isEqualTo(ServerLayout.defaultProfile("hot_data").orElseThrow());
  }

  @Test
  void loadReadsAServerFileAndForcesTheDialect(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("server.toml"), fixture("current.toml"));
    assertThat(RocksDbConfig.load(file).dialect()).isEqualTo(Dialect.KALAMDB_SERVER);
    Path minimal = Files.writeString(dir.resolve("docker.toml"), "[server]\nport = 8080\n");
    assertThat(RocksDbConfig.load(minimal, Dialect.KALAMDB_SERVER))
        .isEqualTo(RocksDbConfig.serverDefaults());
    Path broken =
        Files.writeString(dir.resolve("broken.toml"), "[storage.rocksdb]\nmax_open_files = -9\n");
    assertThatThrownBy(() -> RocksDbConfig.load(broken))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(broken + ":2:18: error: max_open_files must be an integer >= -1");
  }

  @Test
  void unknownDialectNamesTheKnownOnes() {
    assertThatThrownBy(() -> Dialect.parse("kalamdb"))
        .hasMessage(
            "unknown dialect 'kalamdb'; known dialects (case-insensitive): toolkit,"
                + " kalamdb-server");
  }

  @Test
  void aDialectIsNamedInAnyCaseWithSurroundingBlanks() {
    assertThat(Dialect.parse("KALAMDB-SERVER")).isEqualTo(Dialect.KALAMDB_SERVER);
    assertThat(Dialect.parse(" Toolkit\t")).isEqualTo(Dialect.TOOLKIT);
    assertThat(Dialect.byId("Kalamdb-Server")).contains(Dialect.KALAMDB_SERVER);
    // Only ASCII letters fold: the Kelvin sign is not a k, nor an inner blank a dash.
    assertThat(Dialect.byId("\u212Aalamdb-server")).isEmpty();
    assertThat(Dialect.byId("kalamdb server")).isEmpty();
    assertThat(Dialect.byId("kalamdb_server")).isEmpty();
  }
}

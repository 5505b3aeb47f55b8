package org.kalamdb.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging updates the user's section where it stands and keeps their words. */
class SectionUpdateTest {
  private static final RocksDbConfig CONFIG = new RocksDbConfig(4, 3, 16, 0);

  private static String comment(ConfigKey key) {
    return "# " + key.description() + "\n";
  }

  private static RocksDbConfig readBack(String text, Dialect dialect) {
    ValidationResult result =
        new ConfigValidator(CheckOptions.none().withDialect(dialect))
            .validate(text.getBytes(StandardCharsets.UTF_8), "merged.toml");
    assertThat(result.errors()).as(text).isEmpty();
    return result.config();
  }

  @Test
  void commentsOrderAndSpacingInsideTheSectionStay() {
    String user =
        "[server]\nport = 1\n\n"
            + "[rocksdb] # tuned by ops\n"
            + "# the cache first, we read a lot\n"
            + "block_cache_size_mb = 99 # was 64\n"
            + "\n"
            + "  # memtables\n"
            + "write_buffer_size_mb=4   # x\n"
            + "max_write_buffer_number   =\t7\n"
            + "\n# logging next\n[logging]\nlevel = \"info\"\n";
    String merged = ConfigWriter.merge(user, CONFIG);
    assertThat(merged)
        .isEqualTo(
            "[server]\nport = 1\n\n"
                + "[rocksdb] # tuned by ops\n"
                + "# the cache first, we read a lot\n"
                + "block_cache_size_mb = 16 # was 64\n"
                + "\n"
                + "  # memtables\n"
                + "write_buffer_size_mb=4   # x\n"
                + "max_write_buffer_number   =\t3\n"
                + comment(ConfigKey.MEMTABLE_LIMIT_MB)
                + "memtable_limit_mb = 0\n"
                + "\n# logging next\n[logging]\nlevel = \"info\"\n");
    assertThat(readBack(merged, Dialect.TOOLKIT)).isEqualTo(CONFIG);
    assertThat(ConfigWriter.merge(merged, CONFIG)).isEqualTo(merged);
  }

  @Test
  void aValueThatIsAlreadyRightIsNotTouched() {
    String user =
        "[rocksdb]\nwrite_buffer_size_mb = 0x4\nmax_write_buffer_number = +3\n"
            + "block_cache_size_mb = 1_6\nmemtable_limit_mb = 0 # off\n";
    assertThat(ConfigWriter.merge(user, CONFIG)).isEqualTo(user);
  }

  @Test
  void aValueOfAnotherTypeIsReplacedWhole() {
    String user =
        "[rocksdb]\nwrite_buffer_size_mb = [\n  1, # one\n  2,\n] # sizes\n"
            + "max_write_buffer_number = \"3\"\nblock_cache_size_mb = 16\nmemtable_limit_mb = 0\n";
    assertThat(ConfigWriter.merge(user, CONFIG))
        .isEqualTo(
            "[rocksdb]\nwrite_buffer_size_mb = 4 # sizes\n"
                + "max_write_buffer_number = 3\nblock_cache_size_mb = 16\nmemtable_limit_mb = 0\n");
  }

  @Test
  void crlfLineEndingsStayAndAddedKeysUseThem() {
    String user = "# mine\r\n[rocksdb]\r\n# cache\r\nblock_cache_size_mb = 1\r\n";
    String merged = ConfigWriter.merge(user, CONFIG);
    assertThat(merged)
        .isEqualTo(
            ("# mine\n[rocksdb]\n# cache\nblock_cache_size_mb = 16\n"
                    + comment(ConfigKey.WRITE_BUFFER_SIZE_MB)
                    + "write_buffer_size_mb = 4\n"
                    + comment(ConfigKey.MAX_WRITE_BUFFER_NUMBER)
                    + "max_write_buffer_number = 3\n"
                    + comment(ConfigKey.MEMTABLE_LIMIT_MB)
                    + "memtable_limit_mb = 0\n")
                .replace("\n", "\r\n"));
    assertThat(ConfigWriter.merge(merged, CONFIG)).isEqualTo(merged);
  }

  @Test
  void keysAreAddedAtTheEndOfTheirTableWhenTheFileEndsWithoutANewline() {
    String merged = ConfigWriter.merge("[rocksdb]\nwrite_buffer_size_mb = 8 # eight", CONFIG);
    assertThat(merged)
        .isEqualTo(
            "[rocksdb]\nwrite_buffer_size_mb = 4 # eight\n"
                + comment(ConfigKey.MAX_WRITE_BUFFER_NUMBER)
                + "max_write_buffer_number = 3\n"
                + comment(ConfigKey.BLOCK_CACHE_SIZE_MB)
                + "block_cache_size_mb = 16\n"
                + comment(ConfigKey.MEMTABLE_LIMIT_MB)
                + "memtable_limit_mb = 0");
    assertThat(ConfigWriter.merge("[rocksdb]", CONFIG))
        .isEqualTo(ConfigWriter.render(CONFIG).stripTrailing());
  }

  @Test
  void unknownKeysAndSubTablesGoAndTheCommentLeadingIntoTheNextTableStays() {
    String user =
        "[rocksdb]\nwrite_bufer_size_mb = 4 # typo\nwrite_buffer_size_mb = 4\n"
            + "max_write_buffer_number = 3\nblock_cache_size_mb = 16\nmemtable_limit_mb = 0\n"
            + "\n# old sub-table\n[rocksdb.legacy]\nx = 1\n\n# the server\n[server]\nport = 1\n";
    assertThat(ConfigWriter.merge(user, CONFIG))
        .isEqualTo(
            "[rocksdb]\nwrite_buffer_size_mb = 4\n"
                + "max_write_buffer_number = 3\nblock_cache_size_mb = 16\nmemtable_limit_mb = 0\n"
                + "\n# the server\n[server]\nport = 1\n");
  }

  @Test
  void aWhitespaceOnlyFileKeepsItsBytes(@TempDir Path dir) throws IOException {
    assertThat(ConfigWriter.merge("\n  \n", CONFIG))
        .isEqualTo("\n  \n" + ConfigWriter.render(CONFIG));
    assertThat(ConfigWriter.merge(" \t", CONFIG))
        .isEqualTo(" \t\n" + ConfigWriter.render(CONFIG).stripTrailing());
    Path file = Files.writeString(dir.resolve("config.toml"), "\r\n\r\n");
    assertThat(ConfigWriter.write(file, CONFIG)).isTrue();
    assertThat(Files.readString(file))
        .isEqualTo("\r\n\r\n" + ConfigWriter.render(CONFIG).replace("\n", "\r\n"));
    assertThat(ConfigWriter.write(file, CONFIG)).isFalse();
  }

  @Test
  void serverSectionAndProfilesAreUpdatedInPlace() {
    RocksDbConfig config = ConfigSizer.forServerBudget(32, RocksDbConfig.serverDefaults());
    List<TableText> tables = ServerSectionText.tables(config);
    String user =
        "[storage]\ndata_path = \"./data\"\n\n"
            + "[storage.rocksdb]\n"
            + "# ours: 8 MiB\n"
            + "block_cache_size = 8388608   # 8 MiB\n"
            + "max_open_files = 256 # file handles are scarce here\n"
            + "write_buffer_size = 524288 # legacy\n"
            + "max_write_buffers = 2\n"
            + "\n"
            + "# fast profile\n"
            + "[storage.rocksdb.cf_profiles.hot_data]\n"
            + "max_write_buffers = 2   # two\n"
            + "write_buffer_size=1\n"
            + "\n"
            + "[storage.rocksdb.cf_profiles.gone]\nwrite_buffer_size = 1\nmax_write_buffers = 2\n"
            + "\n# after\n[logging]\nlevel = \"info\"\n";
    String merged = ConfigWriter.merge(user, config);

    String head = "[storage]\ndata_path = \"./data\"\n\n[storage.rocksdb]\n# ours: 8 MiB\n";
    assertThat(merged).startsWith(head).endsWith("\n# after\n[logging]\nlevel = \"info\"\n");
    assertThat(merged)
        .contains(
            "block_cache_size = "
                + config.blockCacheSizeBytes()
                + "   # 8 MiB\n"
                + "max_open_files = "
                + value(tables.get(0), "max_open_files")
                + " # file handles are scarce here\n"
                + "# Background flush and compaction jobs.\nmax_background_jobs = ")
        .contains(
            "# fast profile\n[storage.rocksdb.cf_profiles.hot_data]\n"
                + "max_write_buffers = "
                + config.profileFor("hot_data").maxWriteBufferNumber()
                + "   # two\nwrite_buffer_size="
                + config.profileFor("hot_data").writeBufferSizeBytes()
                + "\n")
        .doesNotContain("legacy")
        .doesNotContain("gone");
    for (TableText table : tables.subList(1, tables.size())) {
      if (!table.path().contains("hot_data")) {
        StringBuilder rendered = new StringBuilder();
        table.appendTo(rendered, "\n");
        assertThat(merged).contains("\n" + rendered);
      }
    }
    assertThat(readBack(merged, Dialect.KALAMDB_SERVER)).isEqualTo(config);
    assertThat(ConfigWriter.merge(merged, config)).isEqualTo(merged);
  }

  private static String value(TableText table, String key) {
    return table.keys().stream()
        .filter(k -> k.name().equals(key))
        .findFirst()
        .orElseThrow()
        .value();
  }

  @Test
  void aSectionOfDottedKeysIsStillReplacedWhole() {
    String user = "[storage]\nrocksdb.block_cache_size = 1 # small\n";
    RocksDbConfig config = RocksDbConfig.serverDefaults();
    assertThat(ConfigWriter.merge(user, config))
        .isEqualTo("[storage]\n\n" + ConfigWriter.render(config));
  }
}

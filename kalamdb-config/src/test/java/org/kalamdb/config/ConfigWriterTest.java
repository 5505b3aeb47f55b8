package org.kalamdb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.config.corpus.CorpusCase;
import org.tomlj.Toml;

class ConfigWriterTest {
  private static final RocksDbConfig CONFIG = new RocksDbConfig(4, 3, 16, 0);

  private static final String HEAD =
      "# KalamDB server\n[server]\nhost = \"0.0.0.0\" # all interfaces\nport = 8080\n\n"
          + "# storage comes next\n";
  private static final String OLD_SECTION =
      "[rocksdb]\n# old comment\nwrite_buffer_size_mb = 8\n\n[rocksdb.legacy]\nx = 1\n";

  /** OLD_SECTION after the merge: its value updated, its comment kept, the other keys added. */
  private static final String UPDATED_SECTION =
      "[rocksdb]\n# old comment\nwrite_buffer_size_mb = 4\n"
          + added(
              ConfigKey.MAX_WRITE_BUFFER_NUMBER,
              ConfigKey.BLOCK_CACHE_SIZE_MB,
              ConfigKey.MEMTABLE_LIMIT_MB);

  private static final String TAIL =
      "\n# the log section keeps this comment\n[logging]\nlevel = \"info\"\n"
          + "banner = \"\"\"\n[rocksdb]\nnot a header\n\"\"\"\n\n[[users]]\nname = \"root\"\n";

  private static String added(ConfigKey... keys) {
    StringBuilder out = new StringBuilder();
    for (ConfigKey key : keys) {
      out.append("# ").append(key.description()).append('\n');
      out.append(key.tomlName()).append(" = ").append(key.valueIn(CONFIG)).append('\n');
    }
    return out.toString();
  }

  private static ValidationResult validate(String text) {
    // Forced to toolkit: corpus files with [storage.rocksdb] as well hold both after a merge.
    return new ConfigValidator(CheckOptions.none().withDialect(Dialect.TOOLKIT))
        .validate(text.getBytes(StandardCharsets.UTF_8), "merged.toml");
  }

  @Test
  void renderWritesEveryKeyWithItsDescription() {
    String section = ConfigWriter.render(CONFIG);
    assertThat(section).startsWith("[rocksdb]\n").endsWith("\n");
    for (ConfigKey key : ConfigKey.values()) {
      assertThat(section).contains("# " + key.description() + "\n" + key.tomlName() + " = ");
    }
    ValidationResult result = validate(section);
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.config()).isEqualTo(CONFIG);
  }

  @Test
  void mergeUpdatesOnlyTheSectionOfAFullServerConfig() {
    String merged = ConfigWriter.merge(HEAD + OLD_SECTION + TAIL, CONFIG);
    assertThat(merged).isEqualTo(HEAD + UPDATED_SECTION + TAIL);
    assertThat(Toml.parse(merged).getString("logging.banner")).contains("[rocksdb]");
    assertThat(validate(merged).config()).isEqualTo(CONFIG);
  }

  @Test
  void mergeKeepsCrlfLineEndings() {
    String crlf = (HEAD + OLD_SECTION + TAIL).replace("\n", "\r\n");
    String merged = ConfigWriter.merge(crlf, CONFIG);
    assertThat(merged.replace("\r\n", "")).doesNotContain("\n");
    assertThat(merged).isEqualTo((HEAD + UPDATED_SECTION + TAIL).replace("\n", "\r\n"));
  }

  @Test
  void mergeKeepsAMissingFinalNewline() {
    String merged =
        ConfigWriter.merge("[rocksdb]\n# old comment\nwrite_buffer_size_mb = 8", CONFIG);
    assertThat(merged).isEqualTo(UPDATED_SECTION.stripTrailing());
    assertThat(ConfigWriter.merge("a = 1", CONFIG))
        .isEqualTo("a = 1\n\n" + ConfigWriter.render(CONFIG).stripTrailing());
  }

  @Test
  void mergeKeepsALeadingByteOrderMark() {
    String merged =
        ConfigWriter.merge("\uFEFF[rocksdb]\n# old comment\nwrite_buffer_size_mb = 8\n", CONFIG);
    assertThat(merged).isEqualTo("\uFEFF" + UPDATED_SECTION);
  }

  @Test
  void dottedKeysAndInlineTablesAreRemovedAndTheSectionAppended() {
    String dotted =
        "title = \"x\"\nrocksdb.write_buffer_size_mb = 8\nrocksdb.block_cache_size_mb = 3\n"
            + "port = 1\n[server]\nname = \"s\"\n";
    assertThat(ConfigWriter.merge(dotted, CONFIG))
        .isEqualTo(
            "title = \"x\"\nport = 1\n[server]\nname = \"s\"\n\n" + ConfigWriter.render(CONFIG));
    String inline = "rocksdb = { write_buffer_size_mb = 8 }\nport = 1\n";
    String merged = ConfigWriter.merge(inline, CONFIG);
    assertThat(merged).isEqualTo("port = 1\n\n" + ConfigWriter.render(CONFIG));
    // A header placed above "port" would have moved it into [rocksdb].
    assertThat(validate(merged).diagnostics()).isEmpty();
  }

  @Test
  void fileWithoutTheSectionGetsItAppendedAfterOneBlankLine() {
    assertThat(ConfigWriter.merge("[server]\nport = 1\n", CONFIG))
        .isEqualTo("[server]\nport = 1\n\n" + ConfigWriter.render(CONFIG));
    assertThat(ConfigWriter.merge("[server]\nport = 1\n\n", CONFIG))
        .isEqualTo("[server]\nport = 1\n\n" + ConfigWriter.render(CONFIG));
    assertThat(ConfigWriter.merge("", CONFIG)).isEqualTo(ConfigWriter.render(CONFIG));
  }

  @Test
  void mergeIsIdempotentOnEveryParsableCorpusFile() {
    for (CorpusCase c : CorpusCase.all()) {
      String text = new String(c.content(), StandardCharsets.UTF_8).replace("\uFEFF", "");
      if (CleanToml.parse(text).isEmpty() || text.contains("\uFFFD")) {
        continue;
      }
      String once = ConfigWriter.merge(text, CONFIG);
      assertThat(ConfigWriter.merge(once, CONFIG)).as(c.name()).isEqualTo(once);
      ValidationResult result = validate(once);
      assertThat(result.errors()).as(c.name()).isEmpty();
      assertThat(result.config()).as(c.name()).isEqualTo(CONFIG);
    }
  }

  @Test
  void writeCreatesMergesAndThenChangesNothing(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("conf").resolve("config.toml");
    assertThat(ConfigWriter.write(file, CONFIG)).isTrue();
    assertThat(Files.readString(file)).isEqualTo(ConfigWriter.render(CONFIG));
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000_000L));
    assertThat(ConfigWriter.write(file, CONFIG)).isFalse();
    assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(1_000_000_000_000L);

    Files.writeString(file, HEAD + OLD_SECTION + TAIL);
    assertThat(ConfigWriter.write(file, CONFIG)).isTrue();
    assertThat(Files.readString(file)).isEqualTo(HEAD + UPDATED_SECTION + TAIL);
    assertThat(RocksDbConfig.load(file)).isEqualTo(CONFIG);
    assertThat(ConfigWriter.write(file, CONFIG)).isFalse();
    assertThat(listing(file.getParent())).containsExactly("config.toml");
  }

  @Test
  void byteOrderMarkIsKept(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("config.toml");
    Files.write(file, "\uFEFF[server]\nport = 1\n".getBytes(StandardCharsets.UTF_8));
    ConfigWriter.write(file, CONFIG);
    assertThat(Files.readString(file))
        .isEqualTo("\uFEFF[server]\nport = 1\n\n" + ConfigWriter.render(CONFIG));
  }

  @Test
  void invalidExistingFileIsLeftUntouched(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("config.toml");
    String broken = "[server]\nport = \n[rocksdb]\nwrite_buffer_size_mb = 8\n";
    Files.writeString(file, broken);
    Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000_000L));
    assertThatThrownBy(() -> ConfigWriter.write(file, CONFIG))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("config.toml:2:8: error: TOML syntax error");
    assertThat(Files.readString(file)).isEqualTo(broken);
    assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(1_000_000_000_000L);
    assertThat(listing(dir)).containsExactly("config.toml");
  }

  @Test
  void aFileTomljCrashesOnIsALocatedErrorAndLeftUntouched(@TempDir Path dir) throws IOException {
    // tomlj 1.1.1 throws a bare NullPointerException on this date-time (found by fuzzing).
    Path file = dir.resolve("config.toml");
    String broken = "[server]\nstarted = 1979-05-27T07:32:09-5-\n";
    Files.writeString(file, broken);
    assertThatThrownBy(() -> ConfigWriter.write(file, CONFIG))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "config.toml:2:11: error: TOML syntax error: invalid date-time: after the time comes Z"
                + " or an offset written +HH:MM or -HH:MM");
    assertThat(Files.readString(file)).isEqualTo(broken);
    assertThat(listing(dir)).containsExactly("config.toml");
  }

  @Test
  void invalidUtf8ExistingFileIsLeftUntouched(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("config.toml");
    byte[] bytes = {'a', ' ', '=', ' ', '"', (byte) 0xFF, '"', '\n'};
    Files.write(file, bytes);
    assertThatThrownBy(() -> ConfigWriter.write(file, CONFIG))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("invalid UTF-8");
    assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
  }

  @Test
  void fileWithOnlySectionErrorsIsRepaired(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("config.toml");
    Files.writeString(file, "[rocksdb]\nwrite_bufer_size_mb = \"8\"\n[server]\nport = 1\n");
    assertThat(ConfigWriter.write(file, CONFIG)).isTrue();
    assertThat(Files.readString(file))
        .isEqualTo(ConfigWriter.render(CONFIG) + "[server]\nport = 1\n");
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}

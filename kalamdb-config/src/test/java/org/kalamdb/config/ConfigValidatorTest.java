package org.kalamdb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidatorTest {
  private final ConfigValidator validator = new ConfigValidator();

  private ValidationResult check(String toml) {
    return validator.validate(toml.getBytes(StandardCharsets.UTF_8), "config.toml");
  }

  private static List<String> lines(ValidationResult result) {
    return result.diagnostics().stream().map(Diagnostic::format).toList();
  }

  @Test
  void designExamplesAreWordedAsDocumented() {
    ValidationResult result =
        check("[rocksdb]\n\nwrite_buffer_size_mb = 0\nwrite_bufer_size_mb = 8\n");
    assertThat(lines(result))
        .containsExactly(
            "config.toml:3:24: error: write_buffer_size_mb must be an integer >= 1, got 0",
            "config.toml:4:1: error: unknown key 'write_bufer_size_mb' in [rocksdb]; did you mean"
                + " 'write_buffer_size_mb'?");
    assertThat(result.diagnostics())
        .extracting(Diagnostic::key)
        .containsExactly("rocksdb.write_buffer_size_mb", "rocksdb.write_bufer_size_mb");
  }

  @Test
  void wrongTypesSayWhatWasFound() {
    assertThat(lines(check("[rocksdb]\nwrite_buffer_size_mb = \"8\"\n")))
        .containsExactly(
            "config.toml:2:24: error: write_buffer_size_mb must be an integer >= 1, got string"
                + " \"8\"");
    assertThat(lines(check("rocksdb = { block_cache_size_mb = 1.5 }")))
        .containsExactly(
            "config.toml:1:35: error: block_cache_size_mb must be an integer >= 0, got float 1.5");
  }

  @Test
  void oneWriteBufferIsAWarningAndZeroAnError() {
    ValidationResult one = check("[rocksdb]\nmax_write_buffer_number = 1\n");
    assertThat(one.hasErrors()).isFalse();
    assertThat(one.warnings())
        .singleElement()
        .extracting(Diagnostic::message)
        .asString()
        .contains("raised to 2");
    assertThat(one.config().maxWriteBufferNumber()).isEqualTo(1);
    assertThat(check("[rocksdb]\nmax_write_buffer_number = 0\n").hasErrors()).isTrue();
  }

  @Test
  void badValuesLeaveDefaultsInTheConfig() {
    ValidationResult result =
        check(
            "[rocksdb]\nwrite_buffer_size_mb = 0\nblock_cache_size_mb = 64\n"
                + "max_write_buffer_number = \"x\"\n");
    assertThat(result.config()).isEqualTo(RocksDbConfig.defaults().withBlockCacheSizeMb(64));
  }

  @Test
  void allThreeSpellingsOfTheSectionReadTheSame() {
    RocksDbConfig expected = new RocksDbConfig(4, 3, 16, 0);
    String table =
        "[rocksdb]\nwrite_buffer_size_mb = 4\nmax_write_buffer_number = 3\n"
            + "block_cache_size_mb = 16\n";
    String inline =
        "rocksdb = { write_buffer_size_mb = 4, max_write_buffer_number = 3,"
            + " block_cache_size_mb = 16 }\n";
    String dotted =
        "rocksdb.write_buffer_size_mb = 4\nrocksdb.max_write_buffer_number = 3\n"
            + "rocksdb.block_cache_size_mb = 16\n";
    for (String text : List.of(table, inline, dotted)) {
      ValidationResult result = check(text);
      assertThat(result.diagnostics()).as(text).isEmpty();
      assertThat(result.config()).isEqualTo(expected);
      assertThat(result.sectionPresent()).isTrue();
    }
  }

  @Test
  void fileWithoutTheSectionIsValidWithDefaults() {
    ValidationResult result = check("[server]\nport = 8080\n");
    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.sectionPresent()).isFalse();
    assertThat(result.config()).isEqualTo(RocksDbConfig.defaults());
  }

  @Test
  void budgetCheckAddsTheErrorAndTheSuggestedCap() {
    ValidationResult result =
        new ConfigValidator(CheckOptions.budget(64, 57))
            .validate("[server]\nport = 1\n".getBytes(StandardCharsets.UTF_8), "config.toml");
    assertThat(lines(result))
        .containsExactly(
            "config.toml: error: worst case 944 MB for 57 column families exceeds the budget of"
                + " 64 MB (57 x 8 MB x 2 + 32 MB cache)",
            // 64 MB - 32 MB cache - 4 MB overhead (57 x 64 KB, rounded up) = 28 MB of limit.
            "config.toml: warning: set memtable_limit_mb = 28 (and keep block_cache_size_mb = 32)"
                + " to hold 57 column families within 64 MB (32 MB cache + 28 MB memtable limit"
                + " + 57 x 64 KB overhead)");
  }

  @Test
  void suggestedCapPassesTheSameBudget() {
    ConfigValidator budget = new ConfigValidator(CheckOptions.budget(64, 57));
    Diagnostic warning =
        budget
            .validate("[server]\nport = 1\n".getBytes(StandardCharsets.UTF_8), "config.toml")
            .diagnostics()
            .stream()
            .filter(d -> d.severity() == Severity.WARNING)
            .findFirst()
            .orElseThrow();
    Matcher suggestion =
        Pattern.compile("memtable_limit_mb = (\\d+).*block_cache_size_mb = (\\d+)")
            .matcher(warning.message());
    assertThat(suggestion.find()).as(warning.message()).isTrue();
    long limit = Long.parseLong(suggestion.group(1));
    String cache = "block_cache_size_mb = " + suggestion.group(2) + "\n";
    String suggested = "[rocksdb]\nmemtable_limit_mb = " + limit + "\n" + cache;
    assertThat(
            budget
                .validate(suggested.getBytes(StandardCharsets.UTF_8), "config.toml")
                .diagnostics())
        .isEmpty();
    // The suggestion is the largest limit that fits: one MB more goes over the budget.
    String oneMore = "[rocksdb]\nmemtable_limit_mb = " + (limit + 1) + "\n" + cache;
    assertThat(
            budget.validate(oneMore.getBytes(StandardCharsets.UTF_8), "config.toml").diagnostics())
        .singleElement()
        .extracting(Diagnostic::severity)
        .isEqualTo(Severity.ERROR);
  }

  @Test
  void budgetIsNotCheckedWhileTheFileHasErrors() {
    ValidationResult result =
        new ConfigValidator(CheckOptions.budget(64, 57))
            .validate(
                "[rocksdb]\nwrite_buffer_size_mb = -1\n".getBytes(StandardCharsets.UTF_8), "c");
    assertThat(result.diagnostics()).singleElement().extracting(Diagnostic::line).isEqualTo(2);
  }

  @Test
  void hardCapTooSmallForTheCountIsLocatedAtTheLimit() {
    ValidationResult result =
        new ConfigValidator(CheckOptions.budget(1024, 500))
            .validate(
                "[rocksdb]\nmemtable_limit_mb = 32\n".getBytes(StandardCharsets.UTF_8),
                "config.toml");
    assertThat(lines(result))
        .containsExactly(
            "config.toml:2:21: error: memtable_limit_mb = 32 is too small for 500 column"
                + " families: each needs at least 128 KB to flush usefully, so set"
                + " memtable_limit_mb to at least 63 (or 0 for no cap)");
    assertThat(result.config().memtableLimitMb()).isZero();
  }

  @Test
  void syntaxAndDuplicateErrorsAreAllReportedInFileOrder() {
    ValidationResult result =
        check("[rocksdb]\nwrite_buffer_size_mb = 8\nwrite_buffer_size_mb = 9\n[rocksdb]\nx = \n");
    assertThat(lines(result))
        .containsExactly(
            "config.toml:3:1: error: duplicate key 'rocksdb.write_buffer_size_mb': it is already"
                + " defined at line 2, column 1",
            "config.toml:4:1: error: duplicate table [rocksdb]: it is already defined at line 1,"
                + " column 1",
            "config.toml:5:5: error: TOML syntax error: unexpected end of line, expected ', \","
                + " ''', \"\"\", a number, a boolean, a date/time, an array, or a table");
  }

  @Test
  void invalidUtf8IsLocatedAtTheFirstBadByte() {
    byte[] bytes = "[rocksdb]\n# caf\u00e9 X\n".getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 2] = (byte) 0xC0;
    ValidationResult result = validator.validate(bytes, "config.toml");
    assertThat(result.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(2);
              assertThat(d.column()).isEqualTo(8);
              assertThat(d.message()).startsWith("invalid UTF-8: byte 0xC0");
            });
  }

  @Test
  void missingFileIsOneUnlocatedError(@TempDir Path dir) {
    ValidationResult result = validator.validate(dir.resolve("absent.toml"));
    assertThat(result.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isZero();
              assertThat(d.message()).isEqualTo("cannot read file: no such file");
            });
    assertThat(validator.validate(dir).diagnostics())
        .singleElement()
        .extracting(Diagnostic::message)
        .isEqualTo("cannot read file: is a directory, not a regular file");
  }

  @Test
  void loadChecksTheFileOnItsOwnWhileCheckAssumesTheDefaultColumnFamilyCount(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("config.toml");
    Files.writeString(file, "[rocksdb]\nmemtable_limit_mb = 4\n");

    assertThat(RocksDbConfig.load(file).memtableLimitMb()).isEqualTo(4);
    assertThat(new ConfigValidator().validate(file).errors())
        .singleElement()
        .satisfies(d -> assertThat(d.key()).isEqualTo("rocksdb.memtable_limit_mb"));
  }

  @Test
  void loadReadsAValidFileAndListsEveryProblemOfABadOne(@TempDir Path dir) throws IOException {
    Path good = Files.writeString(dir.resolve("good.toml"), "[rocksdb]\nmemtable_limit_mb = 32\n");
    assertThat(RocksDbConfig.load(good))
        .isEqualTo(RocksDbConfig.defaults().withMemtableLimitMb(32));
    Path bad =
        Files.writeString(
            dir.resolve("bad.toml"), "[rocksdb]\nwrite_buffer_size_mb = 0\nfoo = 1\n");
    assertThatThrownBy(() -> RocksDbConfig.load(bad))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).diagnostics()).hasSize(2))
        .hasMessageContaining("bad.toml:2:24: error:")
        .hasMessageContaining("bad.toml:3:1: error: unknown key 'foo'");
  }

  @Test
  void deeplyNestedInputIsAnErrorNotACrash() {
    ValidationResult result = check("x = " + "[".repeat(20_000));
    assertThat(result.hasErrors()).isTrue();
    assertThat(result.diagnostics())
        .allSatisfy(d -> assertThat(d.message()).doesNotContain("internal error"));
  }
}

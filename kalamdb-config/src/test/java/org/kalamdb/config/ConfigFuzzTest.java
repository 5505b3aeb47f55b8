package org.kalamdb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Coverage-guided fuzzing (Jazzer) of the validator and the merge. A plain {@code mvn verify} runs
 * each target once per committed input (the corpus files are copied in as seeds at build time, and
 * {@code ConfigFuzzTestInputs/<method>/} keeps the inputs that once found a bug); {@code
 * JAZZER_FUZZ=1} fuzzes one target for the time given.
 */
class ConfigFuzzTest {
  private static final List<CheckOptions> OPTIONS =
      List.of(
          CheckOptions.none(),
          CheckOptions.budget(64, 500),
          CheckOptions.fileOnly().withDialect(Dialect.KALAMDB_SERVER),
          CheckOptions.budget(8, 6).withDialect(Dialect.TOOLKIT));

  private static final RocksDbConfig TOOLKIT = new RocksDbConfig(16, 2, 8, 0);
  private static final RocksDbConfig SERVER =
      RocksDbConfig.serverDefaults().withBlockCacheSizeMb(48);

  @FuzzTest
  void validatorAnswersEveryInput(byte[] input) {
    int lines = lineCount(input);
    for (CheckOptions options : OPTIONS) {
      ValidationResult result = new ConfigValidator(options).validate(input, "fuzz.toml");
      assertThat(result.file()).isEqualTo("fuzz.toml");
      assertThat(result.config()).isNotNull();
      for (Diagnostic d : result.diagnostics()) {
        assertThat(d.file()).isEqualTo("fuzz.toml");
        assertThat(d.message()).as(d.format()).doesNotContain("internal error").isNotBlank();
        assertThat(d.line()).as(d.format()).isBetween(0, lines);
        // Unlocated is line 0 and column 0; located is both positive.
        assertThat(d.column() == 0).as(d.format()).isEqualTo(d.line() == 0);
        assertThat(d.column()).as(d.format()).isNotNegative();
      }
    }
  }

  @FuzzTest
  void mergeKeepsTheFileAndReadsBack(byte[] input) {
    Optional<String> decoded = strictUtf8(input);
    if (decoded.isEmpty()) {
      return;
    }
    String text = decoded.get();
    Optional<TomlParseResult> toml = CleanToml.parse(text);
    if (toml.isEmpty()) {
      return;
    }
    mergesAndReadsBack(text, toml.get(), TOOLKIT);
    mergesAndReadsBack(text, toml.get(), SERVER);
  }

  private static void mergesAndReadsBack(String text, TomlParseResult toml, RocksDbConfig config) {
    List<String> section = config.dialect().sectionPath();
    if (holdsSectionInline(text, config)) {
      return;
    }
    String merged = ConfigWriter.merge(text, config);

    ValidationResult result =
        new ConfigValidator(CheckOptions.none().withDialect(config.dialect()))
            .validate(merged.getBytes(StandardCharsets.UTF_8), "merged.toml");
    assertThat(result.errors()).as(merged).isEmpty();
    assertThat(result.config()).as(merged).isEqualTo(config);
    assertThat(ConfigWriter.merge(merged, config)).as("second merge").isEqualTo(merged);
    assertThat(merged)
        .as("bytes before the section")
        .startsWith(beforeSection(text, toml, section));
  }

  /**
   * A key whose inline table would hold the section ({@code storage = { ... }}) cannot be merged
   * into without rewriting it: merge says so rather than guess. Any other input must merge.
   */
  private static boolean holdsSectionInline(String text, RocksDbConfig config) {
    try {
      ConfigWriter.merge(text, config);
      return false;
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).startsWith("cannot merge into ");
      assertThatThrownBy(() -> ConfigWriter.merge(text, config))
          .isInstanceOf(IllegalArgumentException.class);
      return true;
    }
  }

  /**
   * The text up to the line where tomlj first sees the section (a header, a dotted key or an inline
   * table), or all of it when the file has none: the merge may change nothing there.
   */
  private static String beforeSection(String text, TomlParseResult toml, List<String> section) {
    int first = earliestLine(toml, List.of(), section, Integer.MAX_VALUE);
    if (first == Integer.MAX_VALUE) {
      // No section at all: every byte is kept (a whitespace-only file included).
      return text;
    }
    int at = 0;
    for (int line = 1; line < first; line++) {
      at = text.indexOf('\n', at) + 1;
    }
    return text.substring(0, at);
  }

  private static int earliestLine(
      TomlTable table, List<String> path, List<String> section, int earliest) {
    for (String key : table.keySet()) {
      List<String> keyPath = append(path, key);
      boolean inSection = startsWith(keyPath, section);
      if (!inSection && !startsWith(section, keyPath)) {
        continue;
      }
      if (inSection) {
        TomlPosition at = table.inputPositionOf(List.of(key));
        if (at != null) {
          earliest = Math.min(earliest, at.line());
        }
      }
      if (table.isTable(List.of(key))) {
        earliest = earliestLine(table.getTable(List.of(key)), keyPath, section, earliest);
      }
    }
    return earliest;
  }

  private static List<String> append(List<String> path, String key) {
    return Stream.concat(path.stream(), Stream.of(key)).toList();
  }

  private static boolean startsWith(List<String> path, List<String> prefix) {
    return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
  }

  private static Optional<String> strictUtf8(byte[] input) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(input))
              .toString());
    } catch (CharacterCodingException notUtf8) {
      return Optional.empty();
    }
  }

  private static int lineCount(byte[] input) {
    int lines = 1;
    for (byte b : input) {
      if (b == '\n') {
        lines++;
      }
    }
    return lines;
  }
}

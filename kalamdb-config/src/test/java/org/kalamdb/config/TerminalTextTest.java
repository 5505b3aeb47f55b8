package org.kalamdb.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalTextTest {

  @Test
  void controlCharactersDelAndC1AreEscaped() {
    assertThat(TerminalText.escape("a\u001b[31mb")).isEqualTo("a\\u001B[31mb");
    assertThat(TerminalText.escape("x\u007Fy\u009Bz\n")).isEqualTo("x\\u007Fy\\u009Bz\\u000A");
  }

  @Test
  void printableTextIsKeptAsIs() {
    String text = "config.toml:4:1: error: unknown key 'wrïte' 日本 \uD83D\uDE00";
    assertThat(TerminalText.escape(text)).isSameAs(text);
  }

  @Test
  void aKeyWithAnEscapeSequenceIsQuotedWithoutIt() {
    // TOML escapes, so that the keys really hold ESC and the C1 CSI character.
    String toml = "[rocksdb]\n\"\\u001b[31mred\" = 1\n\"c1\\u009b\" = 2\n";
    ValidationResult result =
        new ConfigValidator(CheckOptions.fileOnly())
            .validate(toml.getBytes(StandardCharsets.UTF_8), "config.toml");
    assertThat(result.diagnostics())
        .isNotEmpty()
        .allSatisfy(d -> assertThat(d.format()).doesNotContain("\u001b").doesNotContain("\u009b"));
    assertThat(result.diagnostics()).hasSize(2);
    assertThat(result.diagnostics().get(0).format()).contains("\\u001B[31mred");
    assertThat(result.diagnostics().get(1).format()).contains("c1\\u009B");
  }
}

package org.kalamdb.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

class TerminalLogTest {

  @Test
  void everyLevelEscapesControlCharacters() {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    // SystemStreamLog writes errors to stderr, the rest to stdout: capture both together.
    PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(both);
    System.setErr(both);
    try {
      TerminalLog log = new TerminalLog(new SystemStreamLog());
      log.info("file \u001b[31mred.toml: ok");
      log.warn("key \u009b2J");
      log.error("del \u007f");
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    String printed = captured.toString(StandardCharsets.UTF_8);

    assertThat(printed)
        .contains("file \\u001B[31mred.toml: ok", "key \\u009B2J", "del \\u007F")
        .doesNotContain("\u001b", "\u009b", "\u007f");
  }
}

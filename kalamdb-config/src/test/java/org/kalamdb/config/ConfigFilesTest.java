package org.kalamdb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a config never opens a special file and never hands a huge file to the parser. */
class ConfigFilesTest {
  private static final Duration QUICK = Duration.ofSeconds(5);

  @TempDir Path dir;

  private static List<String> lines(Path file) {
    return assertTimeoutPreemptively(
        QUICK,
        () ->
            new ConfigValidator()
                .validate(file).diagnostics().stream().map(Diagnostic::format).toList());
  }

  @Test
  void aNamedPipeIsRefusedWithoutOpeningIt() throws Exception {
    Path pipe = SpecialFiles.fifo(dir.resolve("p"));
    assertThat(lines(pipe))
        .containsExactly(
            pipe + ": error: cannot read file: is a named pipe (FIFO), not a regular file");
  }

  @Test
  void aLinkToANamedPipeIsRefusedToo() throws Exception {
    Path pipe = SpecialFiles.fifo(dir.resolve("p"));
    Path link = Files.createSymbolicLink(dir.resolve("config.toml"), pipe);
    assertThat(lines(link)).singleElement().asString().contains("is a named pipe (FIFO)");
  }

  @Test
  void aCharacterDeviceIsRefused() {
    assertThat(lines(Path.of("/dev/zero")))
        .containsExactly(
            "/dev/zero: error: cannot read file: is a character device, not a regular file");
  }

  @Test
  void aFileOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
    Path big = SpecialFiles.sized(dir.resolve("big.toml"), 50L * 1024 * 1024);
    assertThat(lines(big))
        .containsExactly(
            big + ": error: 52428800 bytes is over the 256 KiB limit for a config file");
  }

  @Test
  void aFileAtTheLimitIsRead() throws Exception {
    byte[] content = new byte[(int) ConfigFiles.MAX_BYTES];
    java.util.Arrays.fill(content, (byte) '\n');
    Path file = Files.write(dir.resolve("blank.toml"), content);
    assertThat(ConfigFiles.read(file)).hasSize(content.length);
  }

  @Test
  void contentOverTheLimitIsRefusedBeforeParsing() {
    byte[] line = ("x = \"" + "a".repeat(20 * 1024 * 1024) + "\"").getBytes(StandardCharsets.UTF_8);
    assertThat(new ConfigValidator().validate(line, "long.toml").diagnostics())
        .map(Diagnostic::format)
        .containsExactly(
            "long.toml: error: 20971526 bytes is over the 256 KiB limit for a config file");
  }

  @Test
  void aDanglingLinkIsNamedAsOne() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("config.toml"), dir.resolve("gone.toml"));
    assertThat(lines(link))
        .containsExactly(
            link + ": error: cannot read file: is a symbolic link to a file that does not exist");
  }
}

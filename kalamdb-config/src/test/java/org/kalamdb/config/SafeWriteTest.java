package org.kalamdb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ConfigWriter#write} changes only regular files, and keeps what the file was. */
class SafeWriteTest {
  private static final RocksDbConfig CONFIG = new RocksDbConfig(4, 3, 16, 0);
  private static final String OLD = "[server]\nport = 8080\n";

  @TempDir Path dir;

  private static void refused(Path target, String reason) {
    assertThatThrownBy(
            () ->
                assertTimeoutPreemptively(
                    Duration.ofSeconds(5), () -> ConfigWriter.write(target, CONFIG)))
        .isInstanceOf(ConfigFileException.class)
        .hasMessage(reason);
  }

  private static String text(Path file) throws Exception {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void aCharacterDeviceStaysOne() throws Exception {
    Path device = SpecialFiles.charDevice(dir.resolve("null"));
    refused(device, "is a character device, not a regular file");
    assertThat(Files.isRegularFile(device)).isFalse();
    assertThat((Integer) Files.getAttribute(device, "unix:mode") & 0170000).isEqualTo(0020000);
  }

  private static int mode(Path file) throws Exception {
    return (Integer) Files.getAttribute(file, "unix:mode") & 07777;
  }

  @Test
  void aNamedPipeIsRefusedWithoutBlocking() throws Exception {
    Path pipe = SpecialFiles.fifo(dir.resolve("p"));
    refused(pipe, "is a named pipe (FIFO), not a regular file");
    assertThat(Files.isRegularFile(pipe)).isFalse();
  }

  @Test
  void aDirectoryIsRefused() throws Exception {
    Path sub = Files.createDirectory(dir.resolve("config.toml"));
    refused(sub, "is a directory, not a regular file");
    assertThat(Files.isDirectory(sub)).isTrue();
  }

  @Test
  void aLinkToADeviceIsRefused() throws Exception {
    Path device = SpecialFiles.charDevice(dir.resolve("null"));
    Path link = Files.createSymbolicLink(dir.resolve("config.toml"), device);
    refused(link, "is a character device, not a regular file");
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  @Test
  void aSymbolicLinkStaysAndItsTargetIsReplaced() throws Exception {
    Path real = Files.writeString(dir.resolve("real.toml"), OLD);
    Path link = Files.createSymbolicLink(dir.resolve("config.toml"), real);
    assertThat(ConfigWriter.write(link, CONFIG)).isTrue();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(text(real)).startsWith(OLD).contains("write_buffer_size_mb = 4");
  }

  @Test
  void ownerGroupAndEveryModeBitAreKept() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "only root can give files away");
    Path file = Files.writeString(dir.resolve("config.toml"), OLD);
    SpecialFiles.run("chown", "nobody:nogroup", file.toString());
    SpecialFiles.run("chmod", "6640", file.toString());
    Object uid = Files.getAttribute(file, "unix:uid");
    Object gid = Files.getAttribute(file, "unix:gid");
    assertThat(ConfigWriter.write(file, CONFIG)).isTrue();
    assertThat(text(file)).contains("write_buffer_size_mb = 4");
    assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(uid);
    assertThat(Files.getAttribute(file, "unix:gid")).isEqualTo(gid);
    assertThat(Integer.toOctalString(mode(file))).isEqualTo("6640");
  }

  @Test
  void aHardLinkedFileIsWrittenInPlaceSoBothNamesSeeIt() throws Exception {
    Path file = Files.writeString(dir.resolve("config.toml"), OLD + "# " + "long ".repeat(200));
    Path other = Files.createLink(dir.resolve("other.toml"), file);
    assertThat(ConfigWriter.write(file, CONFIG)).isTrue();
    assertThat(text(other)).isEqualTo(text(file)).contains("write_buffer_size_mb = 4");
    assertThat(Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)).isEqualTo(2);
    assertThat(Files.isSameFile(file, other)).isTrue();
    assertThat(new ConfigValidator().validate(other).hasErrors()).isFalse();
  }

  @Test
  void aFileOverTheLimitIsAReadFailureAndStays() throws Exception {
    Path big = SpecialFiles.sized(dir.resolve("config.toml"), 2 * ConfigFiles.MAX_BYTES);
    assertThatThrownBy(() -> ConfigWriter.write(big, CONFIG))
        .isInstanceOf(ConfigFileException.class)
        .hasMessage(
            (2 * ConfigFiles.MAX_BYTES) + " bytes is over the 256 KiB limit for a config file");
    assertThat(Files.size(big)).isEqualTo(2 * ConfigFiles.MAX_BYTES);
  }

  @Test
  void aParentThatIsAFileIsTheReason() throws Exception {
    Path file = Files.writeString(dir.resolve("plain"), "x");
    Path target = file.resolve("config.toml");
    assertThatThrownBy(() -> ConfigWriter.write(target, CONFIG))
        .isInstanceOf(ConfigFileException.class)
        .message()
        .containsIgnoringCase("not a directory");
  }
}

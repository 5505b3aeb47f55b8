package org.kalamdb.cli.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RssTest {

  @TempDir Path dir;

  @Test
  void readsVmRssInBytes() throws IOException {
    Path status =
        Files.writeString(
            dir.resolve("status"), "Name:\tjava\nVmPeak:\t  999 kB\nVmRSS:\t   123456 kB\n");

    assertThat(Rss.read(status)).hasValue(123456L * 1024);
  }

  @Test
  void isUnavailableWithoutAFileOrALineOrANumber() throws IOException {
    Path noLine = Files.writeString(dir.resolve("no-line"), "Name:\tjava\n");
    Path garbled = Files.writeString(dir.resolve("garbled"), "VmRSS:\tlots kB\n");

    assertThat(Rss.read(dir.resolve("missing"))).isEmpty();
    assertThat(Rss.read(noLine)).isEmpty();
    assertThat(Rss.read(garbled)).isEmpty();
  }

  @Test
  void onLinuxThisProcessHasAnRss() {
    if (Files.isReadable(Path.of("/proc/self/status"))) {
      assertThat(Rss.current()).isPresent();
      assertThat(Rss.current().getAsLong()).isGreaterThan(1 << 20);
    } else {
      assertThat(Rss.current()).isEmpty();
    }
  }
}

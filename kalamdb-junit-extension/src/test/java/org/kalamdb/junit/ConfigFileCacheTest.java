package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.config.ConfigException;
import org.kalamdb.config.Dialect;

/** A config file is read once while unchanged, again once edited, and errors are never kept. */
class ConfigFileCacheTest {
  @TempDir Path dir;

  @Test
  void anEditedFileIsReadAgain() throws Exception {
    Path file = dir.resolve("config.toml");
    Files.writeString(file, "[rocksdb]\nwrite_buffer_size_mb = 4\n");
    assertThat(ConfigFileCache.load(file, Optional.empty()).writeBufferSizeMb()).isEqualTo(4);

    // Same size, a later modification time: the new content counts.
    Files.writeString(file, "[rocksdb]\nwrite_buffer_size_mb = 2\n");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    assertThat(ConfigFileCache.load(file, Optional.empty()).writeBufferSizeMb()).isEqualTo(2);
    assertThat(ConfigFileCache.load(file, Optional.of(Dialect.TOOLKIT)).writeBufferSizeMb())
        .isEqualTo(2);
  }

  @Test
  void aFileThatDoesNotLoadFailsEveryTime() throws Exception {
    Path file = dir.resolve("bad.toml");
    Files.writeString(file, "[rocksdb]\nwrite_buffer_size_mb = -1\n");
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> ConfigFileCache.load(file, Optional.empty()))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("write_buffer_size_mb");
    }
    assertThatThrownBy(() -> ConfigFileCache.load(dir.resolve("missing.toml"), Optional.empty()))
        .isInstanceOf(ConfigException.class);
  }
}

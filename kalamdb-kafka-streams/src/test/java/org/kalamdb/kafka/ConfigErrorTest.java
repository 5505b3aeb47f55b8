package org.kalamdb.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.config.ConfigException;

/**
 * A missing or invalid config stops the application when its first store opens, with the located
 * diagnostics of a {@link ConfigException}, before RocksDB is called; nothing is left registered.
 */
class ConfigErrorTest {
  @TempDir Path dir;

  @Test
  void aMissingSettingIsNamed() {
    Properties props = StoresTopology.properties("no-config", dir);
    props.put(
        org.apache.kafka.streams.StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG,
        KalamRocksDBConfigSetter.class);

    assertThat(startFailure(props))
        .hasMessage(
            "kalamdb.config: error: not set; set it in the Streams properties to a config file"
                + " path or classpath:NAME (rocksdb.config.setter is KalamRocksDBConfigSetter)");
  }

  @Test
  void anInvalidFileGivesEveryLocatedDiagnostic() throws Exception {
    Path file = dir.resolve("streams.toml");
    Files.writeString(file, "[rocksdb]\nwrite_bufer_size_mb = 8\nmemtable_limit_mb = -1\n");

    assertThat(startFailure(StoresTopology.withSetter(props(), file.toString())))
        .hasMessage(
            file
                + ":2:1: error: unknown key 'write_bufer_size_mb' in [rocksdb]; did you mean"
                + " 'write_buffer_size_mb'?\n"
                + file
                + ":3:21: error: memtable_limit_mb must be an integer >= 0, got -1");
  }

  @Test
  void anInvalidResourceIsLocatedInItsFile() throws Exception {
    // A resource that is a plain file is named by its path, which an IDE or terminal links.
    Path resource = Path.of(getClass().getResource("/misspelled.toml").toURI());
    assertThat(startFailure(StoresTopology.withSetter(props(), "classpath:misspelled.toml")))
        .hasMessageStartingWith(resource + ":2:1: error: unknown key 'write_bufer_size_mb'")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aMissingResourceOrFileIsNamed() {
    assertThat(startFailure(StoresTopology.withSetter(props(), "classpath:nope.toml")))
        .hasMessage(
            "classpath:nope.toml: error: no resource 'nope.toml' on the class path (from"
                + " kalamdb.config); fix the name, or use a path without 'classpath:'");
    Path missing = dir.resolve("missing.toml");
    assertThat(startFailure(StoresTopology.withSetter(props(), missing.toString())))
        .hasMessageStartingWith(missing + ": error: ");
  }

  @Test
  void anUnknownDialectIsNamed() {
    Properties props = StoresTopology.withSetter(props(), "classpath:capped.toml");
    props.put(KalamRocksDBConfigSetter.DIALECT, "kalamdb");

    assertThat(startFailure(props))
        .hasMessage(
            "kalamdb.dialect: error: unknown dialect 'kalamdb'; known dialects: toolkit,"
                + " kalamdb-server");
  }

  private Properties props() {
    return StoresTopology.properties("bad-config", dir);
  }

  /** The ConfigException the driver's start failed with, wherever Kafka wrapped it. */
  private static ConfigException startFailure(Properties props) {
    int live = SharedOptions.liveCount();
    Throwable thrown =
        catchThrowable(() -> new TopologyTestDriver(new StoresTopology(2).build(), props).close());
    assertThat(thrown).isNotNull();
    Throwable cause = thrown;
    while (cause != null && !(cause instanceof ConfigException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("a ConfigException in %s", thrown).isInstanceOf(ConfigException.class);
    assertThat(SharedOptions.liveCount())
        .as("shared options left by the failed start")
        .isEqualTo(live);
    return (ConfigException) cause;
  }
}

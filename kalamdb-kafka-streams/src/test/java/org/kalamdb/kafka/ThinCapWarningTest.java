package org.kalamdb.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A memtable limit shared by so many RocksDB instances that each column family gets less than 128
 * KB makes every write wait for tiny flushes (measured: 14 against 1,553 records/s at 400 instances
 * under 32 MB). The setter says so once, when the instance that crosses the line opens, with the
 * limit that would do.
 */
class ThinCapWarningTest {
  @TempDir Path dir;

  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Logger logger = Logger.getLogger("org.kalamdb.kafka");
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    logger.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(capture);
  }

  @Test
  void tooManyInstancesForTheLimitAreWarnedAboutOnce() throws Exception {
    // 2 MB for 3 column families of 128 KB each per instance: 5 instances fit, the 6th does not.
    Path config = Files.writeString(dir.resolve("thin.toml"), "[rocksdb]\nmemtable_limit_mb = 2\n");

    try (TopologyTestDriver driver = driver(8, config)) {
      assertThat(driver.getAllStateStores()).hasSize(8);
    }

    assertThat(logged).hasSize(1);
    assertThat(logged.get(0).getLevel()).isEqualTo(Level.WARNING);
    assertThat(logged.get(0).getMessage())
        .isEqualTo(
            config
                + ": 6 RocksDB instances now share memtable_limit_mb = 2, less than 128 KB for each"
                + " of their 18 column families: writes will wait for tiny flushes. Set"
                + " memtable_limit_mb to at least 3 for 6 instances (kalamdb estimate"
                + " --kafka-streams sizes it for a topology).");
  }

  @Test
  void instancesThatFitSayNothing() throws Exception {
    Path config = Files.writeString(dir.resolve("fits.toml"), "[rocksdb]\nmemtable_limit_mb = 2\n");

    try (TopologyTestDriver driver = driver(5, config)) {
      assertThat(driver.getAllStateStores()).hasSize(5);
    }

    assertThat(logged).isEmpty();
  }

  private TopologyTestDriver driver(int stores, Path config) {
    return new TopologyTestDriver(
        new StoresTopology(stores).build(),
        StoresTopology.withSetter(
            StoresTopology.properties("thin-" + stores, dir.resolve("state")), config.toString()));
  }
}

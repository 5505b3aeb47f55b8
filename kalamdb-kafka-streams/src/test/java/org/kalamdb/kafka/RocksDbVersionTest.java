package org.kalamdb.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rocksdb.RocksDB;

/**
 * The build runs this module's tests twice: on the toolkit's rocksdbjni and on the one Kafka
 * Streams depends on; this says which one a run really loaded.
 */
class RocksDbVersionTest {
  @Test
  void runsOnTheRocksDbTheBuildAskedFor() {
    String expected = System.getProperty("kalamdb.expected.rocksdbjni");
    assertThat(expected).as("set by the build").isNotBlank();
    RocksDB.loadLibrary();
    RocksDB.Version loaded = RocksDB.rocksdbVersion();
    assertThat(loaded.getMajor() + "." + loaded.getMinor() + "." + loaded.getPatch())
        .isEqualTo(expected);
  }
}

package org.kalamdb.cli.measure;

import org.kalamdb.config.RocksDbConfig;

/**
 * What one worker JVM measures; passed to it as one JSON argument.
 *
 * @param profile the option set
 * @param directory where the store is created (an empty directory the parent deletes)
 * @param columnFamilies column families to create and fill
 * @param mbPerColumnFamily MB of values written to each column family
 * @param valueBytes size of each value; keys are 16 bytes
 * @param keyOrder the order of the keys within each column family
 * @param config the configuration for {@link Profile#SEED} and {@link Profile#CONFIG}, in the form
 *     JSON carries ({@link #rocksDbConfig()} gives it back); ignored for {@link Profile#DEFAULTS}
 */
record WorkerRequest(
    Profile profile,
    String directory,
    int columnFamilies,
    int mbPerColumnFamily,
    int valueBytes,
    KeyOrder keyOrder,
    ConfigJson config) {

  /** The request for {@code config}. */
  static WorkerRequest of(
      Profile profile,
      String directory,
      int columnFamilies,
      int mbPerColumnFamily,
      int valueBytes,
      KeyOrder keyOrder,
      RocksDbConfig config) {
    return new WorkerRequest(
        profile,
        directory,
        columnFamilies,
        mbPerColumnFamily,
        valueBytes,
        keyOrder,
        ConfigJson.of(config));
  }

  /** The configuration the store opens with. */
  RocksDbConfig rocksDbConfig() {
    return config.toConfig();
  }

  /** Values written to each column family: {@code mbPerColumnFamily} MB, rounded up. */
  long valuesPerColumnFamily() {
    long bytes = (long) mbPerColumnFamily << 20;
    return (bytes + valueBytes - 1) / valueBytes;
  }
}

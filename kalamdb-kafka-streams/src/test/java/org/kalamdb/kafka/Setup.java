package org.kalamdb.kafka;

import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/** The three RocksDB setups {@link StreamsMemoryHarness} compares on the same topology. */
enum Setup {
  /** Kafka Streams' defaults: no config setter, every RocksDB instance its own cache. */
  DEFAULTS("a", "Kafka defaults", false),
  /** The memory guide's bounded-memory setter: one cache, write buffers charged to it. */
  GUIDE("b", "guide's bounded setter", true),
  /** {@link KalamRocksDBConfigSetter} with {@code capped.toml}: the same total, hard cap. */
  KALAMDB("c", "KalamRocksDBConfigSetter", true);

  final String letter;
  final String label;

  /** Whether one cache serves every store, with the memtables charged to it. */
  final boolean sharedChargedCache;

  Setup(String letter, String label, boolean sharedChargedCache) {
    this.letter = letter;
    this.label = label;
    this.sharedChargedCache = sharedChargedCache;
  }

  void applyTo(Properties props) {
    switch (this) {
      case DEFAULTS -> {}
      case GUIDE ->
          props.put(
              StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, GuideBoundedMemorySetter.class);
      case KALAMDB -> StoresTopology.withSetter(props, "classpath:capped.toml");
    }
  }

  /** The setup named by its letter ({@code a}, {@code b}, {@code c}) or its enum name. */
  static Setup of(String name) {
    for (Setup setup : values()) {
      if (setup.letter.equals(name) || setup.name().equalsIgnoreCase(name)) {
        return setup;
      }
    }
    throw new IllegalArgumentException(
        "setup: a, b or c (defaults, guide, kalamdb), got " + name.toLowerCase(Locale.ROOT));
  }
}

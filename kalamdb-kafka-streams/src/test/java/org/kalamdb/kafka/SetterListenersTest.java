package org.kalamdb.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.Options;

/**
 * The setter adds its per-store listener beside the shared options' one, whose flush count the
 * stall watch reads: replacing it would make a cap kept busy by flushing stores look stalled.
 */
class SetterListenersTest {

  @Test
  void theSharedOptionsListenerStaysBesideTheStoresOwn() {
    KalamRocksDBConfigSetter setter = new KalamRocksDBConfigSetter();
    try (Options options = KafkaDefaults.options()) {
      setter.setConfig(
          "store", options, Map.of(KalamRocksDBConfigSetter.CONFIG, "classpath:capped.toml"));
      try {
        assertThat(options.listeners()).hasSize(2);
        assertThat(options.listeners())
            .anySatisfy(l -> assertThat(l).isInstanceOf(FlushFigures.class))
            .anySatisfy(l -> assertThat(l).isNotInstanceOf(FlushFigures.class));
      } finally {
        setter.close("store", options);
      }
    }
  }
}

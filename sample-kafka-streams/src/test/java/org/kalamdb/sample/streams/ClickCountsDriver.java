package org.kalamdb.sample.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.kalamdb.junit.MemoryWatch;
import org.kalamdb.kafka.StreamsMemory;

/**
 * {@link ClickCounts} in a {@link TopologyTestDriver} with the application's own Streams
 * configuration (so its RocksDB stores, under {@code stateDir}, get the setter and config.toml),
 * every store put under the test's memory budget as the source {@code app}.
 */
final class ClickCountsDriver implements AutoCloseable {

  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  final TopologyTestDriver driver;
  final TestInputTopic<String, String> clicks;
  final TestOutputTopic<String, Long> perUser;
  final TestOutputTopic<String, Long> perMinute;

  ClickCountsDriver(Path stateDir, MemoryWatch memory) {
    Properties props = ClickCountsApp.properties("unused:9092", stateDir.toString());
    // No record cache: every update reaches RocksDB at once, and reads see only what RocksDB holds.
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    driver = new TopologyTestDriver(ClickCounts.topology(), props, START);
    memory.watch("app", StreamsMemory.of(driver));
    clicks =
        driver.createInputTopic(
            ClickCounts.CLICKS,
            new StringSerializer(),
            new StringSerializer(),
            START,
            Duration.ZERO);
    perUser =
        driver.createOutputTopic(
            ClickCounts.CLICKS_PER_USER, new StringDeserializer(), new LongDeserializer());
    perMinute =
        driver.createOutputTopic(
            ClickCounts.CLICKS_PER_MINUTE, new StringDeserializer(), new LongDeserializer());
  }

  /** A click of {@code user} at {@code START + seconds}. */
  void click(String user, long seconds) {
    clicks.pipeInput(user, "/home", START.plusSeconds(seconds));
  }

  @Override
  public void close() {
    driver.close();
  }
}

package org.kalamdb.kafka;

import java.math.BigInteger;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Kafka Streams' own RocksDB property metrics, summed over every store of a test driver. Read on
 * the driver's thread only: reading one calls RocksDB on Kafka's database object, which Kafka may
 * close from its own thread; a test driver closes stores only on the thread that drives it.
 */
final class KafkaMetrics {
  private KafkaMetrics() {}

  /** The sum of the metric {@code name} of group {@code stream-state-metrics} over all stores. */
  static long sum(TopologyTestDriver driver, String name) {
    long total = 0;
    for (var e : driver.metrics().entrySet()) {
      if (e.getKey().group().equals("stream-state-metrics") && e.getKey().name().equals(name)) {
        Object value = e.getValue().metricValue();
        total += value instanceof BigInteger big ? big.longValue() : ((Number) value).longValue();
      }
    }
    return total;
  }
}

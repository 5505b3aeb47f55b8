package org.kalamdb.kafka;

import java.math.BigInteger;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * One reading of Kafka Streams' own RocksDB metrics (group {@code stream-state-metrics}) over all
 * stores, partitions and segments: the memtables ({@code size-all-mem-tables}, summed) and the
 * block cache ({@code block-cache-usage}: summed when every instance has its own cache, counted
 * once when one cache is shared, since every store then reports the same cache).
 */
record StateMemory(long memtables, long cache) {
  private static final String GROUP = "stream-state-metrics";

  static StateMemory of(Map<MetricName, ? extends Metric> metrics, boolean sharedCache) {
    long memtables = 0;
    long cacheSum = 0;
    long cacheMax = 0;
    for (var e : metrics.entrySet()) {
      if (!e.getKey().group().equals(GROUP)) {
        continue;
      }
      String name = e.getKey().name();
      if (name.equals("size-all-mem-tables")) {
        memtables += value(e.getValue());
      } else if (name.equals("block-cache-usage")) {
        long cache = value(e.getValue());
        cacheSum += cache;
        cacheMax = Math.max(cacheMax, cache);
      }
    }
    return new StateMemory(memtables, sharedCache ? cacheMax : cacheSum);
  }

  private static long value(Metric metric) {
    Object value = metric.metricValue();
    return value instanceof BigInteger big
        ? big.longValue()
        : value instanceof Number n ? n.longValue() : 0;
  }

  /**
   * The memory accounted by RocksDB: memtables plus cache, except when the memtables are charged to
   * the cache (a write buffer manager with a cache), whose usage then already holds their
   * reservations: the larger of the two.
   */
  long accounted(boolean memtablesChargedToCache) {
    return memtablesChargedToCache ? Math.max(memtables, cache) : memtables + cache;
  }
}

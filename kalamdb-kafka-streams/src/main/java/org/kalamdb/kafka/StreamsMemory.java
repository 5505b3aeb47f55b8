package org.kalamdb.kafka;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TopologyTestDriver;
import org.kalamdb.store.MemorySource;
import org.kalamdb.store.MemoryUsage;

/**
 * The RocksDB memory of a Kafka Streams application's state stores, as one {@link MemorySource}:
 * every store, partition and segment the application opened with {@link KalamRocksDBConfigSetter},
 * each shared cache counted once. Per-store memtables go into {@link
 * MemoryUsage#memTableBytesByColumnFamily()}, keyed by the store's name as Kafka's metrics tag it
 * ({@code rocksdb-state-id}, {@code rocksdb-window-state-id}, ...), segments summed.
 *
 * <p><b>Safe from any thread.</b> Kafka may close a store or a segment at any moment on its own
 * thread, and its property metrics call RocksDB on its database object when read, unsynchronised
 * with that close; so a sample never reads them. It reads only the setter's shared caches (under
 * the lock their close takes) and the figures RocksDB's flush callbacks left ({@link
 * FlushFigures}): memtables as of each store's last flush begin or end. With a memtable limit the
 * cache holds the memtables' reservations, so the total follows them live.
 *
 * <p>Which stores are the application's: those its metrics name (only the names of Kafka's metrics
 * are read, never a value), matched by store and by the thread that opened them. Stores opened
 * without the setter are not seen.
 */
public final class StreamsMemory implements MemorySource {

  private static final String STATE_GROUP = "stream-state-metrics";
  private static final String THREAD_TAG = "thread-id";

  private final Supplier<Map<MetricName, ?>> metrics;
  // The configs the application's stores used, as samples found them: their stalls are counted.
  private final Set<SharedOptions.Key> configs = ConcurrentHashMap.newKeySet();

  private StreamsMemory(Supplier<Map<MetricName, ?>> metrics) {
    this.metrics = metrics;
  }

  /** The stores of a topology under test. */
  public static StreamsMemory of(TopologyTestDriver driver) {
    Objects.requireNonNull(driver, "driver");
    return new StreamsMemory(driver::metrics);
  }

  /** The stores of a running application, on every stream thread. */
  public static StreamsMemory of(KafkaStreams streams) {
    Objects.requireNonNull(streams, "streams");
    return new StreamsMemory(streams::metrics);
  }

  @Override
  public MemoryUsage sample() {
    Set<StoreId> ids = storeIds();
    long active = 0;
    long unflushed = 0;
    long memtables = 0;
    long cache = 0;
    long pinned = 0;
    long readers = 0;
    long charged = 0;
    Map<String, Long> byStore = new HashMap<>();
    for (SharedOptions.GroupSample group :
        SharedOptions.sample(entry -> idOf(entry, ids) != null)) {
      configs.add(group.key());
      long groupMemtables = 0;
      for (StoreFigures figures : group.stores()) {
        active += figures.memTableActiveBytes();
        unflushed += figures.memTableUnflushedBytes();
        groupMemtables += figures.memTableTotalBytes();
        readers += figures.tableReadersBytes();
        byStore.merge(
            logicalName(figures.storeName(), ids), figures.memTableTotalBytes(), Long::sum);
      }
      memtables += groupMemtables;
      cache += group.cacheBytes();
      pinned += group.cachePinnedBytes();
      if (group.memtablesCharged()) {
        charged += Math.min(group.cacheBytes(), groupMemtables);
      }
    }
    return new MemoryUsage(
        active, unflushed, memtables, cache, pinned, readers, charged, Map.copyOf(byStore));
  }

  /**
   * The lasting write stalls under the caps of the configs this application's stores used (as
   * samples found them), since the JVM first used each config.
   */
  @Override
  public long lastingStalls() {
    long stalls = 0;
    for (SharedOptions.Key key : configs) {
      stalls += SharedOptions.lastingStalls(key);
    }
    return stalls;
  }

  /** A store as Kafka's metrics name it: its thread and its name. */
  private record StoreId(String thread, String store) {}

  private Set<StoreId> storeIds() {
    Set<StoreId> ids = new HashSet<>();
    for (MetricName name : List.copyOf(metrics.get().keySet())) {
      if (!STATE_GROUP.equals(name.group())) {
        continue;
      }
      String thread = name.tags().get(THREAD_TAG);
      name.tags()
          .forEach(
              (tag, value) -> {
                if (tag.startsWith("rocksdb-") && tag.endsWith("-state-id")) {
                  ids.add(new StoreId(thread, value));
                }
              });
    }
    return ids;
  }

  private static String idOf(StoreEntry entry, Set<StoreId> ids) {
    String thread = entry.streamThreadName();
    String name = entry.storeName();
    if (ids.contains(new StoreId(thread, name))) {
      return name;
    }
    // A segment: "<store>.<segment id>".
    int dot = name.lastIndexOf('.');
    if (dot > 0 && isDigits(name.substring(dot + 1))) {
      String store = name.substring(0, dot);
      if (ids.contains(new StoreId(thread, store))) {
        return store;
      }
    }
    return null;
  }

  private static String logicalName(String instance, Set<StoreId> ids) {
    int dot = instance.lastIndexOf('.');
    if (dot > 0 && isDigits(instance.substring(dot + 1))) {
      String store = instance.substring(0, dot);
      if (ids.stream().anyMatch(id -> id.store().equals(store))) {
        return store;
      }
    }
    return instance;
  }

  private static boolean isDigits(String text) {
    return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}

package org.kalamdb.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Every kind of RocksDB instance Kafka opens through a setter: a plain and a timestamped key-value
 * store (two and three column families) and a window store whose segments open and expire as stream
 * time advances (retention 2 minutes, segments of 1 minute). Each record is written to all three
 * and read back from the key-value store, so blocks reach the cache.
 */
final class LifecycleTopology {
  static final String PLAIN = "plain";
  static final String TIMESTAMPED = "timestamped";
  static final String WINDOWED = "windowed";

  private LifecycleTopology() {}

  static Topology build() {
    Topology topology = new Topology();
    topology.addSource(
        "source",
        Serdes.Integer().deserializer(),
        Serdes.ByteArray().deserializer(),
        StoresTopology.INPUT);
    topology.addProcessor("write", Writer::new, "source");
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(PLAIN), Serdes.Integer(), Serdes.ByteArray())
            .withCachingDisabled()
            .withLoggingDisabled(),
        "write");
    topology.addStateStore(
        Stores.timestampedKeyValueStoreBuilder(
                Stores.persistentTimestampedKeyValueStore(TIMESTAMPED),
                Serdes.Integer(),
                Serdes.ByteArray())
            .withCachingDisabled()
            .withLoggingDisabled(),
        "write");
    topology.addStateStore(
        Stores.windowStoreBuilder(
                Stores.persistentWindowStore(
                    WINDOWED, Duration.ofMinutes(2), Duration.ofSeconds(10), false),
                Serdes.Integer(),
                Serdes.ByteArray())
            .withCachingDisabled()
            .withLoggingDisabled(),
        "write");
    return topology;
  }

  /** Record timestamps 20 s apart from this start: segments roll over every 3 records. */
  static Instant timestamp(int record) {
    return Instant.ofEpochSecond(1_700_000_000L + 20L * record);
  }

  private static final class Writer implements Processor<Integer, byte[], Void, Void> {
    private final List<KeyValueStore<Integer, byte[]>> plain = new ArrayList<>();
    private TimestampedKeyValueStore<Integer, byte[]> timestamped;
    private WindowStore<Integer, byte[]> windowed;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      plain.add(context.getStateStore(PLAIN));
      timestamped = context.getStateStore(TIMESTAMPED);
      windowed = context.getStateStore(WINDOWED);
    }

    @Override
    public void process(Record<Integer, byte[]> record) {
      for (int i = 0; i < StoresTopology.VALUES_PER_RECORD; i++) {
        int key = record.key() * StoresTopology.VALUES_PER_RECORD + i;
        plain.get(0).put(key, record.value());
        timestamped.put(key, ValueAndTimestamp.make(record.value(), record.timestamp()));
        windowed.put(key, record.value(), record.timestamp());
      }
      plain.get(0).get(record.key());
    }
  }
}

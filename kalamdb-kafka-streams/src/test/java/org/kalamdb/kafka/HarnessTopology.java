package org.kalamdb.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The topology {@link StreamsMemoryHarness} measures: {@code stores} persistent stores (caching and
 * changelog off, so every write reaches RocksDB), key-value or window stores. A record with key
 * {@code k} is written to store {@code k % stores} as {@value #VALUES_PER_RECORD} values under keys
 * {@code k * VALUES_PER_RECORD + i}; a window store puts them in the window starting at the
 * record's timestamp. Window stores keep 10 minutes in segments of 5 minutes, and the input's
 * timestamps span 14 minutes (see {@link HarnessInput}): 3 segments per store and partition, none
 * dropped while the harness reads Kafka's metrics (a segment closed during a read would be read
 * after it was freed).
 */
final class HarnessTopology {
  static final int VALUES_PER_RECORD = 128;
  static final Duration RETENTION = Duration.ofMinutes(10);
  static final Duration WINDOW = Duration.ofMinutes(1);

  /** The kind of the topology's stores. */
  enum Kind {
    KEY_VALUE("kv"),
    WINDOW("window");

    final String label;

    Kind(String label) {
      this.label = label;
    }

    static Kind of(String name) {
      for (Kind kind : values()) {
        if (kind.label.equals(name)) {
          return kind;
        }
      }
      throw new IllegalArgumentException(
          "kind: kv or window, got " + name.toLowerCase(Locale.ROOT));
    }
  }

  private final Kind kind;
  private final int stores;
  private final String topic;
  private final Progress progress;

  HarnessTopology(Kind kind, int stores, String topic, Progress progress) {
    this.kind = kind;
    this.stores = stores;
    this.topic = topic;
    this.progress = progress;
  }

  Topology build() {
    Topology topology = new Topology();
    topology.addSource(
        "source", Serdes.Integer().deserializer(), Serdes.ByteArray().deserializer(), topic);
    topology.addProcessor("write", () -> new Writer(this), "source");
    for (int i = 0; i < stores; i++) {
      String name = "store-" + i;
      if (kind == Kind.KEY_VALUE) {
        topology.addStateStore(
            Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(name), Serdes.Integer(), Serdes.ByteArray())
                .withCachingDisabled()
                .withLoggingDisabled(),
            "write");
      } else {
        topology.addStateStore(
            Stores.windowStoreBuilder(
                    Stores.persistentWindowStore(name, RETENTION, WINDOW, false),
                    Serdes.Integer(),
                    Serdes.ByteArray())
                .withCachingDisabled()
                .withLoggingDisabled(),
            "write");
      }
    }
    return topology;
  }

  private static final class Writer implements Processor<Integer, byte[], Void, Void> {
    private final HarnessTopology topology;
    private final List<KeyValueStore<Integer, byte[]>> keyValues = new ArrayList<>();
    private final List<WindowStore<Integer, byte[]>> windows = new ArrayList<>();

    Writer(HarnessTopology topology) {
      this.topology = topology;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      for (int i = 0; i < topology.stores; i++) {
        if (topology.kind == Kind.KEY_VALUE) {
          keyValues.add(context.getStateStore("store-" + i));
        } else {
          windows.add(context.getStateStore("store-" + i));
        }
      }
    }

    @Override
    public void process(Record<Integer, byte[]> record) {
      int target = Math.floorMod(record.key(), topology.stores);
      for (int i = 0; i < VALUES_PER_RECORD; i++) {
        byte[] value = record.value().clone();
        value[0] = (byte) i;
        int key = record.key() * VALUES_PER_RECORD + i;
        if (topology.kind == Kind.KEY_VALUE) {
          keyValues.get(target).put(key, value);
        } else {
          windows.get(target).put(key, value, record.timestamp());
        }
      }
      topology.progress.processed();
    }
  }
}

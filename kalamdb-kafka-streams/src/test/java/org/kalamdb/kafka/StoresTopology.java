package org.kalamdb.kafka;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * A topology of {@code stores} persistent key-value stores (caching and changelog off, so every
 * write reaches RocksDB): a record with key {@code k} and a value of {@code n} bytes is written to
 * store {@code k % stores} as {@value #VALUES_PER_RECORD} values of {@code n} bytes under keys
 * {@code k * VALUES_PER_RECORD + i}. Several values per record because the test driver commits
 * after every record it pipes, which costs about a millisecond with 30 stores.
 */
final class StoresTopology {
  static final String INPUT = "in";
  static final int VALUES_PER_RECORD = 32;

  private final int stores;
  private final String prefix;

  StoresTopology(int stores) {
    this(stores, "store-");
  }

  /** Stores named {@code prefix + i}. */
  StoresTopology(int stores, String prefix) {
    this.stores = stores;
    this.prefix = prefix;
  }

  static String storeName(int i) {
    return "store-" + i;
  }

  private String name(int i) {
    return prefix + i;
  }

  Topology build() {
    Topology topology = new Topology();
    topology.addSource(
        "source", Serdes.Integer().deserializer(), Serdes.ByteArray().deserializer(), INPUT);
    topology.addProcessor("write", () -> new Writer(this), "source");
    for (int i = 0; i < stores; i++) {
      topology.addStateStore(
          Stores.keyValueStoreBuilder(
                  Stores.persistentKeyValueStore(name(i)), Serdes.Integer(), Serdes.ByteArray())
              .withCachingDisabled()
              .withLoggingDisabled(),
          "write");
    }
    return topology;
  }

  /** Streams properties for a test driver: state under {@code stateDir}, metrics at INFO. */
  static Properties properties(String applicationId, Path stateDir) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    // Kafka's RocksDB property metrics (size-all-mem-tables, ...) are recorded at INFO.
    props.put(StreamsConfig.METRICS_RECORDING_LEVEL_CONFIG, "INFO");
    return props;
  }

  /** Properties that put the stores under the setter with {@code config}. */
  static Properties withSetter(Properties props, String config) {
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, KalamRocksDBConfigSetter.class);
    props.put(KalamRocksDBConfigSetter.CONFIG, config);
    return props;
  }

  static TestInputTopic<Integer, byte[]> input(TopologyTestDriver driver) {
    return driver.createInputTopic(INPUT, new IntegerSerializer(), new ByteArraySerializer());
  }

  /** A value of {@code size} bytes that does not compress away. */
  static byte[] value(int key, int size) {
    ByteBuffer buffer = ByteBuffer.allocate(size);
    long x = key * 0x9E3779B97F4A7C15L;
    while (buffer.remaining() >= Long.BYTES) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      buffer.putLong(x);
    }
    return buffer.array();
  }

  private static final class Writer implements Processor<Integer, byte[], Void, Void> {
    private final StoresTopology topology;
    private final List<KeyValueStore<Integer, byte[]>> targets = new ArrayList<>();

    Writer(StoresTopology topology) {
      this.topology = topology;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      for (int i = 0; i < topology.stores; i++) {
        targets.add(context.getStateStore(topology.name(i)));
      }
    }

    @Override
    public void process(Record<Integer, byte[]> record) {
      KeyValueStore<Integer, byte[]> target =
          targets.get(Math.floorMod(record.key(), topology.stores));
      for (int i = 0; i < VALUES_PER_RECORD; i++) {
        byte[] value = record.value().clone();
        value[0] = (byte) i;
        target.put(record.key() * VALUES_PER_RECORD + i, value);
      }
    }
  }
}

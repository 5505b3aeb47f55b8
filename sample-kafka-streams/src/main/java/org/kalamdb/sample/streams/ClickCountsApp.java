package org.kalamdb.sample.streams;

import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.kalamdb.kafka.KalamRocksDBConfigSetter;

/**
 * Runs {@link ClickCounts} against a Kafka cluster, every RocksDB state store of the application
 * under the one cap of {@code config.toml} ({@code memtable_limit_mb}) through {@link
 * KalamRocksDBConfigSetter}.
 */
public final class ClickCountsApp {

  private ClickCountsApp() {}

  /**
   * The application's Streams configuration: the setter, and the config it reads (a resource of
   * this jar, checked by the build's {@code check-config}).
   */
  public static Properties properties(String bootstrapServers, String stateDir) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "click-counts");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, KalamRocksDBConfigSetter.class);
    props.put(KalamRocksDBConfigSetter.CONFIG, "classpath:config.toml");
    return props;
  }

  /** Arguments: bootstrap servers, state directory. Runs until the JVM is stopped. */
  public static void main(String[] args) throws InterruptedException {
    if (args.length != 2) {
      System.err.println("usage: ClickCountsApp BOOTSTRAP_SERVERS STATE_DIR");
      System.exit(2);
    }
    KafkaStreams streams = new KafkaStreams(ClickCounts.topology(), properties(args[0], args[1]));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  streams.close();
                  stopped.countDown();
                }));
    streams.start();
    stopped.await();
  }
}

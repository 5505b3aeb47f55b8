package org.kalamdb.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * An in-process Kafka cluster of one KRaft node, broker and controller combined, on free local
 * ports and a temporary log directory: formatted as {@code kafka-storage.sh format} does, then
 * started as {@code kafka-server-start.sh} does ({@code kafka_2.13}, no test jars). Also writes the
 * harness's input topics.
 */
final class KraftBroker implements AutoCloseable {
  private static final Duration READY = Duration.ofMinutes(1);

  private final KafkaRaftServer server;
  private final Path logDir;
  private final String bootstrap;

  private KraftBroker(KafkaRaftServer server, Path logDir, String bootstrap) {
    this.server = server;
    this.logDir = logDir;
    this.bootstrap = bootstrap;
  }

  static KraftBroker start() throws Exception {
    int brokerPort = freePort();
    int controllerPort = freePort();
    Path logDir = Files.createTempDirectory("kalamdb-kraft");
    Map<String, Object> props = new HashMap<>();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
    props.put(
        "listeners",
        "PLAINTEXT://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("log.dirs", logDir.toString());
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    // Both stream threads join the first rebalance: no task moves once its stores are open.
    props.put("group.initial.rebalance.delay.ms", "3000");
    KafkaConfig config = new KafkaConfig(props);
    new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .setClusterId(Uuid.randomUuid().toString())
        .setNodeId(1)
        .setControllerListenerName("CONTROLLER")
        .setMetadataLogDirectory(logDir.toString())
        .setDirectories(List.of(logDir.toString()))
        .run();
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    KraftBroker broker = new KraftBroker(server, logDir, "localhost:" + brokerPort);
    try {
      broker.awaitReady();
      return broker;
    } catch (Exception e) {
      broker.close();
      throw e;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void awaitReady() throws InterruptedException, ExecutionException {
    try (Admin admin = admin()) {
      long deadline = System.nanoTime() + READY.toNanos();
      while (true) {
        try {
          if (!admin.describeCluster().nodes().get().isEmpty()) {
            return;
          }
        } catch (ExecutionException e) {
          if (System.nanoTime() > deadline) {
            throw e;
          }
        }
        Thread.sleep(100);
      }
    }
  }

  private Admin admin() {
    return Admin.create(Map.of("bootstrap.servers", bootstrap));
  }

  String bootstrapServers() {
    return bootstrap;
  }

  /** Creates {@code topic} with {@code partitions} and writes the input's records into it. */
  void fill(String topic, int partitions, HarnessInput input)
      throws ExecutionException, InterruptedException {
    try (Admin admin = admin()) {
      // Kept for ever: the input's timestamps are years old, and the broker's retention check
      // would otherwise delete the records before the second setup reads them.
      NewTopic newTopic =
          new NewTopic(topic, partitions, (short) 1).configs(Map.of("retention.ms", "-1"));
      admin.createTopics(List.of(newTopic)).all().get();
    }
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    props.put(ProducerConfig.ACKS_CONFIG, "1");
    try (KafkaProducer<Integer, byte[]> producer =
        new KafkaProducer<>(props, new IntegerSerializer(), new ByteArraySerializer())) {
      for (int k = 0; k < input.records(); k++) {
        producer.send(new ProducerRecord<>(topic, null, input.timestamp(k), k, input.value(k)));
      }
      producer.flush();
    }
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    try (Stream<Path> paths = Files.walk(logDir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("KraftBroker: could not delete " + logDir + ": " + e.getMessage());
    }
  }
}

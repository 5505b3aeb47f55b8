package org.kalamdb.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * Runs one harness case through a real {@link KafkaStreams} with {@value #THREADS} stream threads
 * against a broker whose input topic already holds the case's records. Processing speed is counted
 * from the first record processed to the last, so start-up and rebalancing are not in it. The
 * calling thread reads Kafka's metrics every {@value #SAMPLE_MS} ms, only once the application runs
 * and processes (stores are opened and moved between threads before that, and reading a property of
 * a store Kafka is closing would read freed memory), and stops before the close.
 */
final class KafkaCase {
  static final int THREADS = 2;
  private static final long SAMPLE_MS = 20;

  private KafkaCase() {}

  static CaseResult run(HarnessCase c, Path stateDir) throws InterruptedException {
    Properties props = StoresTopology.properties(c.applicationId(), stateDir);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, c.bootstrap());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, THREADS);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.setup().applyTo(props);
    long records = c.input().records();
    Progress progress = new Progress();
    Peaks peaks = new Peaks(c.setup().sharedChargedCache);
    long rssBefore = Rss.bytes();
    KafkaStreams streams =
        new KafkaStreams(
            new HarnessTopology(c.kind(), c.stores(), c.topic(), progress).build(), props);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    streams.setUncaughtExceptionHandler(
        e -> {
          failure.compareAndSet(null, e);
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    CaseResult result;
    try {
      streams.start();
      long deadline = System.nanoTime() + HarnessCase.LIMIT.toNanos();
      while (System.nanoTime() < deadline
          && failure.get() == null
          && (streams.state() != KafkaStreams.State.RUNNING || progress.count() == 0)) {
        Thread.sleep(SAMPLE_MS);
      }
      while (System.nanoTime() < deadline && failure.get() == null && progress.count() < records) {
        peaks.add(StateMemory.of(streams.metrics(), c.setup().sharedChargedCache), Rss.bytes());
        Thread.sleep(SAMPLE_MS);
      }
      if (failure.get() != null) {
        // Kafka logs through SLF4J, which has no binding here: say it ourselves.
        System.err.println("KafkaCase " + c.applicationId() + ": a stream thread failed:");
        failure.get().printStackTrace();
      } else {
        peaks.add(StateMemory.of(streams.metrics(), c.setup().sharedChargedCache), Rss.bytes());
      }
      // Before the close: records the threads finish while closing are past the limit.
      result = result(c, progress, peaks, rssBefore, failure.get() != null);
    } finally {
      streams.close(Duration.ofMinutes(1));
    }
    return result;
  }

  /** The figures so far; finished when no thread failed and every record was processed. */
  private static CaseResult result(
      HarnessCase c, Progress progress, Peaks peaks, long rssBefore, boolean failed) {
    long processed = progress.count();
    return new CaseResult(
        c.driver(),
        c.setup(),
        c.kind(),
        c.stores(),
        processed,
        progress.seconds(),
        peaks.memtables,
        peaks.cache,
        peaks.accounted,
        rssBefore,
        peaks.rss,
        !failed && processed >= c.input().records());
  }
}

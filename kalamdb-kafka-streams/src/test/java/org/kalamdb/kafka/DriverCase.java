package org.kalamdb.kafka;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.IntegerSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * Runs one harness case through a {@link TopologyTestDriver} (one partition, one thread), reading
 * Kafka's metrics on the driver's thread after every record (each writes 128 KB; the driver commits
 * after every record, which costs about a millisecond per 10 stores here).
 */
final class DriverCase {
  private static final String TOPIC = "in";

  private DriverCase() {}

  static CaseResult run(HarnessCase c, Path stateDir) {
    Properties props = StoresTopology.properties(c.applicationId(), stateDir);
    c.setup().applyTo(props);
    HarnessInput input = c.input();
    long records = input.records();
    Peaks peaks = new Peaks(c.setup().sharedChargedCache);
    long rssBefore = Rss.bytes();
    long start;
    long end;
    long piped = 0;
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            new HarnessTopology(c.kind(), c.stores(), TOPIC, new Progress()).build(), props)) {
      TestInputTopic<Integer, byte[]> in =
          driver.createInputTopic(TOPIC, new IntegerSerializer(), new ByteArraySerializer());
      start = System.nanoTime();
      long deadline = start + HarnessCase.LIMIT.toNanos();
      for (int k = 0; k < records && System.nanoTime() < deadline; k++) {
        in.pipeInput(k, input.value(k), input.timestamp(k));
        piped++;
        peaks.add(StateMemory.of(driver.metrics(), c.setup().sharedChargedCache), Rss.bytes());
      }
      end = System.nanoTime();
    }
    return new CaseResult(
        c.driver(),
        c.setup(),
        c.kind(),
        c.stores(),
        piped,
        (end - start) / 1e9,
        peaks.memtables,
        peaks.cache,
        peaks.accounted,
        rssBefore,
        peaks.rss,
        piped == records);
  }
}

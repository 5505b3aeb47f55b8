package org.kalamdb.kafka;

import java.time.Duration;
import java.util.List;

/**
 * One case of {@link StreamsMemoryHarness}: which driver ({@code driver}: {@code
 * TopologyTestDriver}; {@code kafka}: a real {@code KafkaStreams} against the harness's broker),
 * setup, kind and number of stores, bytes per store, and for {@code kafka} the broker and the input
 * topic. Passed to a child JVM as its arguments.
 */
record HarnessCase(
    String driver,
    Setup setup,
    HarnessTopology.Kind kind,
    int stores,
    long bytesPerStore,
    String bootstrap,
    String topic) {

  /** The time one case may take to process its records; past it, the case is unfinished. */
  static final Duration LIMIT = Duration.ofMinutes(2);

  HarnessInput input() {
    return new HarnessInput(stores, bytesPerStore);
  }

  String applicationId() {
    return "harness-" + kind.label + "-" + stores + "-" + setup.letter;
  }

  List<String> toArgs() {
    return List.of(
        driver,
        setup.letter,
        kind.label,
        Integer.toString(stores),
        Long.toString(bytesPerStore),
        bootstrap,
        topic);
  }

  static HarnessCase fromArgs(List<String> args) {
    return new HarnessCase(
        args.get(0),
        Setup.of(args.get(1)),
        HarnessTopology.Kind.of(args.get(2)),
        Integer.parseInt(args.get(3)),
        Long.parseLong(args.get(4)),
        args.get(5),
        args.get(6));
  }
}

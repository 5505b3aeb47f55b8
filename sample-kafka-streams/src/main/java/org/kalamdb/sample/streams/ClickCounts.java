package org.kalamdb.sample.streams;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The sample's topology: clicks keyed by user (the value is the page) are counted per user, into a
 * key-value store, and per user per minute, into a window store (kept {@link #RETENTION}, so
 * RocksDB holds it in segments that Kafka opens and drops as time passes). Both stores are RocksDB
 * stores, each its own RocksDB instance per partition and segment.
 */
public final class ClickCounts {

  /** Input: key user, value page. */
  public static final String CLICKS = "clicks";

  /** Output: key user, value the user's clicks so far. */
  public static final String CLICKS_PER_USER = "clicks-per-user";

  /** Output: key {@code user@windowStart} (an ISO-8601 instant), value the clicks in the window. */
  public static final String CLICKS_PER_MINUTE = "clicks-per-user-per-minute";

  /** The key-value store of the counts per user. */
  public static final String COUNT_STORE = "clicks-per-user-store";

  /** The window store of the counts per user per minute. */
  public static final String WINDOW_STORE = "clicks-per-minute-store";

  public static final Duration WINDOW = Duration.ofMinutes(1);

  /** How long windows are kept: Kafka splits it into segments of half of it, 3 open at most. */
  public static final Duration RETENTION = Duration.ofMinutes(10);

  private ClickCounts() {}

  /** Builds the topology. */
  public static Topology topology() {
    StreamsBuilder builder = new StreamsBuilder();
    KGroupedStream<String, String> byUser =
        builder.stream(CLICKS, Consumed.with(Serdes.String(), Serdes.String())).groupByKey();

    byUser
        .count(Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(COUNT_STORE))
        .toStream()
        .to(CLICKS_PER_USER, Produced.with(Serdes.String(), Serdes.Long()));

    byUser
        .windowedBy(TimeWindows.ofSizeWithNoGrace(WINDOW))
        .count(
            Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(WINDOW_STORE)
                .withRetention(RETENTION))
        .toStream((window, count) -> window.key() + "@" + window.window().startTime())
        .to(CLICKS_PER_MINUTE, Produced.with(Serdes.String(), Serdes.Long()));

    return builder.build();
  }
}

package org.kalamdb.store;

/**
 * Anything whose RocksDB memory can be sampled as one {@link MemoryUsage}: a store, or the state
 * stores of a Kafka Streams application together (the {@code kalamdb-kafka-streams} module's {@code
 * StreamsMemory}). A test's memory watch puts a source under a budget exactly like a store.
 *
 * <p>{@link #sample()} may be called from any thread at any time, also while the databases behind
 * the source open and close; an implementation makes no native call on a database its owner may be
 * closing, and answers with what it can read safely (a closed database simply no longer counts).
 */
public interface MemorySource {

  /** The memory accounted right now, the shared cache counted once. */
  MemoryUsage sample();

  /**
   * Lasting write stalls so far under the hard caps of the databases behind the source (see {@link
   * RocksDbOptions#lastingStalls()}); a test's memory watch fails a test during which this grew.
   * May be called from any thread; {@code 0} for a source that cannot tell.
   */
  default long lastingStalls() {
    return 0;
  }
}

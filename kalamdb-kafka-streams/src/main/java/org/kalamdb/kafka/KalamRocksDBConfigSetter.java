package org.kalamdb.kafka;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.AbstractEventListener;
import org.rocksdb.Options;

/**
 * Puts every RocksDB state store of a Kafka Streams application under the {@code [rocksdb]} section
 * of one config file, through {@code RocksDbOptions}: one block cache, and with {@code
 * memtable_limit_mb} one write buffer manager, shared by every store, partition and segment of the
 * JVM that names the same file, so the limit caps their memtables together.
 *
 * <pre>{@code
 * props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, KalamRocksDBConfigSetter.class);
 * props.put(KalamRocksDBConfigSetter.CONFIG, "classpath:streams.toml"); // or a file path
 * }</pre>
 *
 * <p>Kafka creates one setter per RocksDB instance, calls {@link #setConfig} before it opens the
 * database and {@link #close} before it closes it (also when a segment expires). The shared objects
 * are reference counted and freed when the last store using them closes; a store Kafka drops
 * without {@link #close} (it does so when the store fails to open) gives its reference back when
 * its setter is garbage collected. Kafka's own table config is changed in place (Kafka reads its
 * cache back for its metrics, and refuses a new table config); the 50 MB cache Kafka put in it is
 * Kafka's, which closes it with the store.
 *
 * <p>A missing or invalid config fails the store's initialisation, so the application's start, with
 * a {@link org.kalamdb.config.ConfigException} whose message lists every located diagnostic.
 */
public final class KalamRocksDBConfigSetter implements RocksDBConfigSetter {

  /** The config file: a path, or {@code classpath:NAME} for a resource. */
  public static final String CONFIG = "kalamdb.config";

  /**
   * Optional: the dialect the file is read in ({@code toolkit} or {@code kalamdb-server}); by
   * default the one the file has.
   */
  public static final String DIALECT = "kalamdb.dialect";

  /**
   * Releases the store of a setter Kafka dropped without calling {@link #close}: Kafka 4.4.0 does
   * so when a store fails to open after {@link #setConfig} ran.
   */
  private static final Cleaner DROPPED = Cleaner.create();

  private Cleaner.Cleanable release;

  /** Kafka instantiates the setter reflectively, once per RocksDB instance. */
  public KalamRocksDBConfigSetter() {}

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    ConfigReference reference = ConfigReference.of(configs, classLoader());
    StoreEntry opened =
        SharedOptions.open(reference, storeName, Thread.currentThread().getName(), options);
    FlushFigures figures = null;
    try {
      figures = new FlushFigures(opened);
      // Beside the shared options' own listener (applyTo added it: the stall watch counts its
      // flushes), not in its place.
      List<AbstractEventListener> listeners = new ArrayList<>(options.listeners());
      listeners.add(figures);
      options.setListeners(listeners);
    } catch (RuntimeException | Error e) {
      new Release(opened, figures).run();
      throw e;
    }
    release = DROPPED.register(this, new Release(opened, figures));
  }

  @Override
  public void close(String storeName, Options options) {
    if (release != null) {
      release.clean();
      release = null;
    }
  }

  /** Gives a store's reference back, once; holds nothing that reaches the setter. */
  private record Release(StoreEntry entry, FlushFigures listener) implements Runnable {
    @Override
    public void run() {
      SharedOptions.close(entry);
      if (listener != null) {
        // RocksDB's copy of the listener keeps it alive until the database closes.
        listener.close();
      }
    }
  }

  private static ClassLoader classLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : KalamRocksDBConfigSetter.class.getClassLoader();
  }
}

package org.kalamdb.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.store.RocksDbOptions;
import org.rocksdb.Options;

/**
 * The options every store of the JVM that names one config shares: one {@link RocksDbOptions}, so
 * one block cache and, with a memtable limit, one write buffer manager over all of them. Reference
 * counted by the stores open on it ({@link StoreEntry}); freed when the last one closes, never
 * while another store uses it.
 *
 * <p>All state is guarded by one JVM-wide lock, also held while the cache is read ({@link
 * #sample}): the cache and the manager are closed only under it, so a sample never reads a freed
 * object. Kafka's databases themselves are never called here; their figures come from {@link
 * FlushFigures}, inside RocksDB's own flush callbacks.
 */
final class SharedOptions {

  /**
   * Column families counted per store for the arena block size: a timestamped key-value store has
   * three since Kafka Streams 4.3 ({@code default}, {@code keyValueWithTimestamp}, {@code
   * offsets}), a plain one two; the larger count keeps every first arena block small enough.
   */
  static final int COLUMN_FAMILIES_PER_STORE = 3;

  /**
   * The fewest column families the arena block size is sized for, however few stores are open. A
   * store's first arena block is reserved in full at the write buffer manager; sized only for the
   * stores open at its start, the blocks of stores opened one after another add up like a harmonic
   * series, and once idle stores' blocks hold the limit a writer stalled by the manager waits for
   * ever (rocksdb#11780): measured with kalamdb-store's SharedCapHarness, 60 databases under 32 MB,
   * blocks sized for the databases open at each open wedged all 4 writers, sized for 1024 column
   * families every writer finished (1.2-1.5 s against 1.1-1.3 s with blocks sized for exactly 60,
   * peak 1.00x the cap). For 32 MB that is 8 KB blocks.
   */
  static final int MIN_ARENA_COLUMN_FAMILIES = 1024;

  private static final Object LOCK = new Object();
  private static final Map<Key, SharedOptions> BY_CONFIG = new HashMap<>();

  /** Lasting stalls of the shared options already freed, per config: one entry per file named. */
  private static final Map<Key, Long> STALLS_OF_FREED = new HashMap<>();

  /** Same file (real path or resource URL), same dialect: same shared options. */
  record Key(String location, Optional<Dialect> dialect) {}

  private static final System.Logger LOG = System.getLogger("org.kalamdb.kafka");

  private final Key key;
  private final RocksDbOptions options;
  private final Set<StoreEntry> stores = new LinkedHashSet<>();
  // Whether the thin-cap warning was given for these options: once per shared options.
  private boolean warnedThin;

  private SharedOptions(Key key, RocksDbOptions options) {
    this.key = key;
    this.options = options;
  }

  /**
   * Registers a store about to be opened with {@code kafkaOptions} and applies the shared options
   * to them, loading the config when no open store uses it yet.
   *
   * @throws org.kalamdb.config.ConfigException when the config cannot be used
   */
  static StoreEntry open(
      ConfigReference reference, String storeName, String threadName, Options kafkaOptions) {
    Key key = reference.key();
    synchronized (LOCK) {
      SharedOptions shared = BY_CONFIG.get(key);
      if (shared == null) {
        RocksDbConfig config = reference.load();
        shared = new SharedOptions(key, RocksDbOptions.from(config));
        BY_CONFIG.put(key, shared);
      }
      StoreEntry entry = new StoreEntry(storeName, threadName, shared);
      shared.stores.add(entry);
      try {
        shared.options.applyTo(
            kafkaOptions,
            Math.max(MIN_ARENA_COLUMN_FAMILIES, COLUMN_FAMILIES_PER_STORE * shared.stores.size()));
      } catch (RuntimeException | Error e) {
        close(entry);
        throw e;
      }
      shared.warnIfThin(reference.spec());
      return entry;
    }
  }

  /**
   * Warns, once, when the open instances leave less than {@link
   * MemoryModel#MIN_MEMTABLE_LIMIT_PER_CF_KB} of the memtable limit to each of their column
   * families: the write buffer manager then flushes tiny memtables all the time, and writes crawl
   * (measured with real Kafka Streams: 14 against 1,553 records/s at 400 instances under 32 MB).
   */
  private void warnIfThin(String config) {
    RocksDbConfig limits = options.config();
    if (warnedThin || !limits.hasMemtableLimit()) {
      return;
    }
    int instances = stores.size();
    int columnFamilies = instances * COLUMN_FAMILIES_PER_STORE;
    // The rule check and estimate apply to a config's column families, here to the open ones.
    long minimum = MemoryModel.minimumMemtableLimitMb(columnFamilies);
    if (limits.memtableLimitMb() >= minimum) {
      return;
    }
    warnedThin = true;
    LOG.log(
        System.Logger.Level.WARNING,
        config
            + ": "
            + instances
            + " RocksDB instances now share memtable_limit_mb = "
            + limits.memtableLimitMb()
            + ", less than "
            + MemoryModel.MIN_MEMTABLE_LIMIT_PER_CF_KB
            + " KB for each of their "
            + columnFamilies
            + " column families: writes will wait for tiny flushes. Set memtable_limit_mb to at"
            + " least "
            + minimum
            + " for "
            + instances
            + " instances (kalamdb estimate --kafka-streams sizes it for a topology).");
  }

  /**
   * Unregisters a store; the last one out frees the shared options. Kafka calls this before it
   * closes the database, which keeps its own references to the cache and the manager until then.
   * Idempotent.
   */
  static void close(StoreEntry entry) {
    synchronized (LOCK) {
      SharedOptions shared = entry.shared();
      if (!shared.stores.remove(entry)) {
        return;
      }
      if (shared.stores.isEmpty()) {
        BY_CONFIG.remove(shared.key, shared);
        shared.options.close();
        STALLS_OF_FREED.merge(shared.key, shared.options.lastingStalls(), Long::sum);
      }
    }
  }

  /**
   * What the open stores that {@code include} selects hold, per shared options they use: the cache
   * read under the lock, the stores' figures as their last flush callbacks left them.
   */
  static List<GroupSample> sample(Predicate<StoreEntry> include) {
    synchronized (LOCK) {
      List<GroupSample> samples = new ArrayList<>();
      for (SharedOptions shared : BY_CONFIG.values()) {
        List<StoreFigures> figures = new ArrayList<>();
        for (StoreEntry entry : shared.stores) {
          if (include.test(entry)) {
            figures.add(entry.figures());
          }
        }
        if (!figures.isEmpty()) {
          samples.add(
              new GroupSample(
                  shared.key,
                  shared.options.cache().getUsage(),
                  shared.options.cache().getPinnedUsage(),
                  shared.options.config().hasMemtableLimit(),
                  figures));
        }
      }
      return samples;
    }
  }

  /** Stores open on the shared options of {@code reference}'s file; 0 when none are. */
  static int openStores(ConfigReference reference) {
    synchronized (LOCK) {
      SharedOptions shared = BY_CONFIG.get(reference.key());
      return shared == null ? 0 : shared.stores.size();
    }
  }

  /**
   * The lasting write stalls under the cap of {@code key}'s config since this JVM first used it,
   * over every shared options made for it (freed ones included).
   */
  static long lastingStalls(Key key) {
    synchronized (LOCK) {
      SharedOptions shared = BY_CONFIG.get(key);
      return STALLS_OF_FREED.getOrDefault(key, 0L)
          + (shared == null ? 0 : shared.options.lastingStalls());
    }
  }

  /** Shared options alive in this JVM. */
  static int liveCount() {
    synchronized (LOCK) {
      return BY_CONFIG.size();
    }
  }

  /**
   * The usage of the cache shared through {@code reference}'s file, read under the lock; empty when
   * no store uses it.
   */
  static Optional<Long> cacheUsage(ConfigReference reference) {
    synchronized (LOCK) {
      SharedOptions shared = BY_CONFIG.get(reference.key());
      return shared == null ? Optional.empty() : Optional.of(shared.options.cache().getUsage());
    }
  }

  /**
   * One shared options' part of a sample.
   *
   * @param key the config the shared options were made from
   * @param cacheBytes usage of the shared cache (with a cap, including the memtable reservations)
   * @param cachePinnedBytes its pinned part
   * @param memtablesCharged whether a write buffer manager charges memtables to the cache
   * @param stores the selected stores' figures
   */
  record GroupSample(
      Key key,
      long cacheBytes,
      long cachePinnedBytes,
      boolean memtablesCharged,
      List<StoreFigures> stores) {
    GroupSample {
      stores = List.copyOf(stores);
    }
  }
}

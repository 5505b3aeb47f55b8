package org.kalamdb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.config.RocksDbConfig;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteOptions;

/**
 * {@link RocksDbOptions#applyTo}: the options of a database a framework builds itself (Kafka
 * Streams hands its config setter an {@link Options} already carrying a table config and a cache of
 * its own), under the shared cache and cap.
 */
class RocksDbOptionsApplyToTest {
  private static final long MB = 1 << 20;
  private static final RocksDbConfig CAP_32 = RocksDbConfig.defaults().withMemtableLimitMb(32);

  @TempDir Path dir;

  @Test
  void aFrameworksOptionsTakeTheSharedCacheAndCapAndKeepTheirTableConfig() throws Exception {
    RocksDB.loadLibrary();
    try (RocksDbOptions shared = RocksDbOptions.from(CAP_32);
        LRUCache frameworkCache = new LRUCache(50 * MB);
        Options first = frameworkOptions(frameworkCache);
        Options second = frameworkOptions(frameworkCache)) {
      BlockBasedTableConfig table = (BlockBasedTableConfig) first.tableFormatConfig();

      shared.applyTo(first, 3);
      shared.applyTo(second, 6);

      assertThat(first.tableFormatConfig()).isSameAs(table);
      assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
      assertThat(first.writeBufferSize()).isEqualTo(8 * MB);
      assertThat(first.maxWriteBufferNumber()).isEqualTo(2);
      assertThat(first.maxOpenFiles()).isEqualTo(RocksDbOptions.CAPPED_MAX_OPEN_FILES);
      assertThat(first.arenaBlockSize()).isEqualTo(RocksDbOptions.arenaBlockSize(CAP_32, 3));
      assertThat(second.arenaBlockSize()).isEqualTo(RocksDbOptions.arenaBlockSize(CAP_32, 6));

      long before = shared.cache().getUsage();
      try (RocksDB a = RocksDB.open(first, dir.resolve("a").toString());
          RocksDB b = RocksDB.open(second, dir.resolve("b").toString());
          WriteOptions noWal = new WriteOptions().setDisableWAL(true)) {
        byte[] value = new byte[1024];
        for (int i = 0; i < 2048; i++) {
          a.put(noWal, key(i), value);
          b.put(noWal, key(i), value);
        }
        // Both databases' memtables are charged to the one shared cache, none to the framework's.
        long memtables =
            a.getLongProperty("rocksdb.size-all-mem-tables")
                + b.getLongProperty("rocksdb.size-all-mem-tables");
        assertThat(shared.cache().getUsage() - before).isGreaterThanOrEqualTo(memtables);
        assertThat(frameworkCache.getUsage()).isZero();
      }
    }
  }

  /**
   * The stall watch of the shared options counts the flushes of every database given them, beside
   * any listener the framework set: without that count a cap held busy by flushing databases would
   * look like a lasting stall.
   */
  @Test
  void flushesOfADatabaseGivenTheOptionsAreCountedBesideTheFrameworksListeners() throws Exception {
    RocksDB.loadLibrary();
    try (RocksDbOptions shared = RocksDbOptions.from(CAP_32);
        LRUCache frameworkCache = new LRUCache(50 * MB);
        Options options = frameworkOptions(frameworkCache);
        FlushSampling.FullMemtableListener frameworks = new FlushSampling.FullMemtableListener()) {
      options.setListeners(List.of(frameworks));
      shared.applyTo(options, 3);
      assertThat(options.listeners()).hasSize(2).contains(frameworks);

      long before = shared.flushEvents();
      try (RocksDB db = RocksDB.open(options, dir.resolve("db").toString());
          FlushOptions wait = new FlushOptions().setWaitForFlush(true)) {
        db.put(key(1), new byte[1024]);
        db.flush(wait);
      }
      assertThat(shared.flushEvents()).isGreaterThanOrEqualTo(before + 2); // begun, completed
      assertThat(frameworks.flushEvents()).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void withoutACapOnlyTheCacheAndTheBuffersAreShared() {
    RocksDB.loadLibrary();
    try (RocksDbOptions shared = RocksDbOptions.from(RocksDbConfig.defaults());
        Options options = new Options()) {
      shared.applyTo(options, 1);

      assertThat(options.tableFormatConfig()).isInstanceOf(BlockBasedTableConfig.class);
      assertThat(options.writeBufferSize()).isEqualTo(8 * MB);
      assertThat(options.arenaBlockSize()).isZero();
      assertThat(options.maxOpenFiles()).isEqualTo(-1);
    }
  }

  @Test
  void refusesNoColumnFamiliesAndClosedOptions() {
    RocksDB.loadLibrary();
    RocksDbOptions shared = RocksDbOptions.from(CAP_32);
    try (Options options = new Options()) {
      assertThatThrownBy(() -> shared.applyTo(options, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("columnFamilies must be >= 1, got 0");
      shared.close();
      assertThatThrownBy(() -> shared.applyTo(options, 1))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  private static Options frameworkOptions(LRUCache cache) {
    BlockBasedTableConfig table = new BlockBasedTableConfig().setBlockCache(cache);
    return new Options().setCreateIfMissing(true).setTableFormatConfig(table);
  }

  private static byte[] key(int i) {
    return String.format("key-%08d", i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}

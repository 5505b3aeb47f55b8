package org.kalamdb.kafka;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * The "bounded memory" setter of Kafka Streams' memory-management guide, written here from the
 * guide's description for {@link StreamsMemoryHarness}: one LRU cache for the whole JVM, one write
 * buffer manager charging the memtables to that cache (no stall), index and filter blocks cached
 * with high priority and the top-level index pinned, and the shared objects never closed per store.
 * Sized to the same total as {@code capped.toml} under {@link KalamRocksDBConfigSetter}: 64 MB of
 * cache of which the memtables may take 32 MB, 8 MB write buffers, 2 per column family.
 */
public final class GuideBoundedMemorySetter implements RocksDBConfigSetter {
  private static final long MB = 1L << 20;
  static final long TOTAL_OFF_HEAP_BYTES = 64 * MB;
  static final long MEMTABLE_BYTES = 32 * MB;
  private static final long WRITE_BUFFER_BYTES = 8 * MB;
  private static final int WRITE_BUFFERS = 2;
  private static final double HIGH_PRIORITY_RATIO = 0.1;

  // Static, as the guide has it: every store of the JVM shares them for the JVM's life.
  private static final Cache CACHE;
  private static final WriteBufferManager WRITE_BUFFER_MANAGER;

  static {
    RocksDB.loadLibrary();
    CACHE = new LRUCache(TOTAL_OFF_HEAP_BYTES, -1, false, HIGH_PRIORITY_RATIO);
    WRITE_BUFFER_MANAGER = new WriteBufferManager(MEMTABLE_BYTES, CACHE, false);
  }

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    // Kafka put its own block-based table config (with its own cache) in before calling us.
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(CACHE);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(WRITE_BUFFER_MANAGER);
    options.setWriteBufferSize(WRITE_BUFFER_BYTES);
    options.setMaxWriteBufferNumber(WRITE_BUFFERS);
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // Nothing: the cache and the manager are shared by every store, so never closed per store.
  }
}

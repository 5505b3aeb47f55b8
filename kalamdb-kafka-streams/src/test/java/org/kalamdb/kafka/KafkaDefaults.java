package org.kalamdb.kafka;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompactionStyle;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/**
 * Options as Kafka Streams 4.4's RocksDBStore builds them before it calls the setter (facts from
 * its source, as issue 14 lists them): its own 50 MB LRU cache, 4 KB blocks with a Bloom filter, 16
 * MB x 3 write buffers, universal compaction. For tests that use the setter without Kafka's
 * runtime. The cache and filter are left to the garbage collector, as a short test may.
 */
final class KafkaDefaults {

  private KafkaDefaults() {}

  static Options options() {
    RocksDB.loadLibrary();
    BlockBasedTableConfig table = new BlockBasedTableConfig();
    table.setBlockCache(new LRUCache(50L << 20));
    table.setBlockSize(4096L);
    table.setFilterPolicy(new BloomFilter());
    return new Options()
        .setTableFormatConfig(table)
        .setCompactionStyle(CompactionStyle.UNIVERSAL)
        .setWriteBufferSize(16L << 20)
        .setMaxWriteBufferNumber(3)
        .setCreateIfMissing(true)
        .setErrorIfExists(false)
        .setInfoLogLevel(InfoLogLevel.ERROR_LEVEL)
        .setIncreaseParallelism(Math.max(Runtime.getRuntime().availableProcessors(), 2));
  }
}

package org.kalamdb.store;

import java.nio.file.Path;
import java.util.List;
import org.kalamdb.config.RocksDbConfig;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;

/**
 * A RocksDB store opened from a {@link RocksDbConfig}, with column families addressed by name and
 * memory measured by RocksDB's own accounting. Safe for use from many threads; {@link #close()}
 * waits for calls in flight, and a call after close throws {@link IllegalStateException}.
 */
public final class KalamStore implements AutoCloseable {

  private KalamStore() {}

  /** Opens (or creates) the store in {@code dir} with the given column families. TODO issue 3. */
  public static KalamStore open(Path dir, RocksDbConfig config, List<String> columnFamilies) {
    throw new UnsupportedOperationException("TODO: issue 3");
  }

  public void put(String columnFamily, byte[] key, byte[] value) {
    throw new UnsupportedOperationException("TODO: issue 3");
  }

  public byte[] get(String columnFamily, byte[] key) {
    throw new UnsupportedOperationException("TODO: issue 3");
  }

  public void createColumnFamily(String name) {
    throw new UnsupportedOperationException("TODO: issue 3");
  }

  public void dropColumnFamily(String name) {
    throw new UnsupportedOperationException("TODO: issue 3");
  }

  public MemoryUsage memoryUsage() {
    throw new UnsupportedOperationException("TODO: issue 3");
  }

  public MemoryUsage peakMemoryUsage() {
    throw new UnsupportedOperationException("TODO: issue 3");
  }

  public void resetPeak() {
    throw new UnsupportedOperationException("TODO: issue 3");
  }

  public RocksDB db() {
    throw new UnsupportedOperationException("TODO: issue 3");
  }

  public ColumnFamilyHandle columnFamily(String name) {
    throw new UnsupportedOperationException("TODO: issue 3");
  }

  public Path directory() {
    throw new UnsupportedOperationException("TODO: issue 3");
  }

  public RocksDbConfig config() {
    throw new UnsupportedOperationException("TODO: issue 3");
  }

  @Override
  public void close() {
    throw new UnsupportedOperationException("TODO: issue 3");
  }
}

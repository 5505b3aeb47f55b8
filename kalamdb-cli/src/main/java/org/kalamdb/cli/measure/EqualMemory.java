package org.kalamdb.cli.measure;

import java.util.List;
import java.util.Optional;
import org.kalamdb.config.ColumnFamilyProfile;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.RocksDbConfig;

/**
 * The {@link Profile#EQUAL} settings: what the seed's per-column-family buffers would be given the
 * memory a capped config holds, so the cap's write speed can be compared at equal memory. Every
 * column family keeps two write buffers of {@code limit / (2 x column families)} bytes (so {@code
 * column families x buffer x 2 + cache = cache + limit}), the cache and database settings stay the
 * config's, and there is no write buffer manager.
 */
final class EqualMemory {
  private EqualMemory() {}

  /** Whether {@code capped} has a memtable limit to share out. */
  static boolean applies(RocksDbConfig capped) {
    return capped.memtableLimitBytes() > 0;
  }

  /**
   * The equal-memory settings for {@code columnFamilies}. RocksDB raises a buffer below 64 KiB to
   * 64 KiB, so past {@code limit / 128 KiB} column families the profile holds more than the cap.
   */
  static RocksDbConfig of(RocksDbConfig capped, int columnFamilies) {
    if (!applies(capped)) {
      throw new IllegalArgumentException("the config has no memtable limit to share out");
    }
    long buffer = capped.memtableLimitBytes() / (2L * columnFamilies);
    return new RocksDbConfig(
        Dialect.TOOLKIT,
        capped.blockCacheSizeBytes(),
        0,
        List.of(new ColumnFamilyProfile(RocksDbConfig.TOOLKIT_PROFILE, buffer, 2)),
        capped.dbSettings(),
        Optional.empty());
  }
}

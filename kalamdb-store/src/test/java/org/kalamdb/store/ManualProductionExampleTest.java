package org.kalamdb.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.config.RocksDbConfig;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * The production snippet of docs/own-rocksdb.md ("Your own RocksDB"), as written there, run for
 * real.
 */
class ManualProductionExampleTest {
  @TempDir Path work;

  @Test
  void theProductionSnippetOpensWritesAndClosesInOrder() throws IOException, RocksDBException {
    Path configFile =
        Files.writeString(
            work.resolve("config.toml"),
            "[rocksdb]\nblock_cache_size_mb = 8\nmemtable_limit_mb = 8\n");
    Path dir = work.resolve("db");
    byte[] read;

    // docs/own-rocksdb.md, "Your own RocksDB": from "RocksDbConfig config" to the closing brace,
    // verbatim but
    // for the file name.
    RocksDbConfig config = RocksDbConfig.load(configFile); // checked in the build
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (RocksDbOptions opts = RocksDbOptions.from(config);
        RocksDB db =
            RocksDB.open(
                opts.dbOptions(),
                dir.toString(),
                opts.descriptors(List.of("default", "users")),
                handles)) {
      db.put(handles.get(1), opts.writeOptions(), "u1".getBytes(), "ada".getBytes());
      ColumnFamilyHandle t42 =
          db.createColumnFamily(
              new ColumnFamilyDescriptor("t42".getBytes(), opts.columnFamilyOptions("t42")));
      handles.add(t42);
      read = db.get(handles.get(1), "u1".getBytes()); // (not in the page)
      handles.forEach(ColumnFamilyHandle::close); // handles first; then db, then opts
    }

    assertThat(read).isEqualTo("ada".getBytes());
    try (KalamStore reopened = KalamStore.open(dir, config, List.of())) {
      assertThat(reopened.columnFamilyNames()).containsExactly("default", "users", "t42");
      assertThat(reopened.get("users", "u1".getBytes())).isEqualTo("ada".getBytes());
    }
  }
}

package org.kalamdb.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.config.RocksDbConfig;
import org.rocksdb.DBOptions;

/** Stores in RocksDB's in-memory environment: real RocksMemEnv databases, nothing on disk. */
class MemoryStorageTest {

  @TempDir Path dir;

  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  // Zeros would compress to nothing in the SST files.
  private static byte[] incompressible(int size) {
    byte[] bytes = new byte[size];
    new java.util.Random(42).nextBytes(bytes);
    return bytes;
  }

  private KalamStore open(String... families) {
    return KalamStore.open(
        dir.resolve("db"), RocksDbConfig.defaults(), List.of(families), Storage.MEMORY);
  }

  @Test
  void putGetScanFlushCreateAndDropWorkAndNothingReachesTheDisk() throws IOException {
    try (KalamStore store = open("users")) {
      assertThat(store.storage()).isEqualTo(Storage.MEMORY);
      store.put("users", b("a"), b("1"));
      store.put("users", b("b"), b("2"));
      store.flush();
      store.put("users", b("c"), b("3"));
      assertThat(store.get("users", b("a"))).isEqualTo(b("1"));
      List<String> keys = new ArrayList<>();
      store.scan("users", (k, v) -> keys.add(new String(k, UTF_8)));
      assertThat(keys).containsExactly("a", "b", "c");

      store.createColumnFamily("t1");
      store.put("t1", b("k"), b("v"));
      assertThat(store.get("t1", b("k"))).isEqualTo(b("v"));
      store.dropColumnFamily("t1");
      assertThat(store.columnFamilyNames()).containsExactly("default", "users");
    }
    try (var entries = Files.list(dir)) {
      assertThat(entries).isEmpty();
    }
  }

  @Test
  void eachStoreHasItsOwnFilesAndStartsEmpty() {
    try (KalamStore first = open("users");
        KalamStore second = open()) {
      first.put("users", b("k"), b("v"));
      first.flush();
      // Same name, own environment: the second store sees none of the first one's files.
      assertThat(second.columnFamilyNames()).containsExactly("default");
    }
    try (KalamStore reopened = open()) {
      assertThat(reopened.columnFamilyNames()).containsExactly("default");
    }
  }

  @Test
  void useAfterCloseThrowsIllegalStateNamingTheStorage() {
    KalamStore store = open("users");
    store.close();
    store.close();
    assertThat(store.storage()).isEqualTo(Storage.MEMORY);
    assertThatThrownBy(() -> store.get("users", b("k")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("(storage memory) is closed");
    assertThatThrownBy(store::memoryUsage).isInstanceOf(IllegalStateException.class);
    assertThat(store.toString()).contains("storage memory").contains("closed");
  }

  @Test
  void inMemoryFilesGrowWithFlushedDataOutsideTheTotal() {
    try (KalamStore store = open("users")) {
      MemoryUsage before = store.memoryUsage();
      assertThat(before.inMemoryFileBytes()).isPositive(); // MANIFEST and WAL from the start
      byte[] value = incompressible(64 << 10);
      for (int i = 0; i < 64; i++) {
        store.put("users", b("k" + i), value);
      }
      store.flush();
      MemoryUsage after = store.memoryUsage();
      assertThat(after.inMemoryFileBytes() - before.inMemoryFileBytes()).isGreaterThan(4L << 20);
      assertThat(after.total()).isLessThan(after.inMemoryFileBytes());
      assertThat(after.totalWithInMemoryFiles())
          .isEqualTo(after.total() + after.inMemoryFileBytes());
      assertThat(after.describe()).contains("; in-memory files ").contains("(not in the total)");
    }
  }

  @Test
  void aDiskStoreHasNoInMemoryFiles() {
    try (KalamStore store = KalamStore.open(dir, RocksDbConfig.defaults(), List.of("users"))) {
      store.put("users", b("k"), new byte[1 << 20]);
      store.flush();
      assertThat(store.storage()).isEqualTo(Storage.DISK);
      assertThat(store.memoryUsage().inMemoryFileBytes()).isZero();
      assertThat(store.memoryUsage().describe()).doesNotContain("in-memory files");
    }
  }

  @Test
  void closeFreesTheFiles() throws IOException {
    // 16 stores x 24 MB of flushed files: kept after close, RSS would grow by 14 x 24 MB = 336 MB
    // after the second round; freed, it moves by what the allocator and the JVM do, which on a
    // loaded machine reached 104 MB. Half of the leak's growth tells the two apart.
    byte[] value = incompressible(256 << 10);
    long start = 0;
    for (int round = 0; round < 16; round++) {
      try (KalamStore store = open("users")) {
        for (int i = 0; i < 96; i++) {
          store.put("users", b("k" + i), value);
        }
        store.flush();
        assertThat(store.memoryUsage().inMemoryFileBytes()).isGreaterThan(20L << 20);
      }
      if (round == 1) {
        start = ResidentMemory.bytes();
      }
    }
    assertThat(ResidentMemory.bytes() - start).isLessThan(14 * 24L / 2 << 20);
  }

  @Test
  void optionsTheMemoryEnvironmentCannotServeAreRefusedByName() {
    try (DBOptions mmap = new DBOptions().setAllowMmapReads(true);
        DBOptions direct =
            new DBOptions().setUseDirectReads(true).setUseDirectIoForFlushAndCompaction(true)) {
      assertThatThrownBy(() -> RocksDbOptions.requireMemoryCompatible(mmap))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "storage memory cannot serve allow_mmap_reads: RocksDB's in-memory environment maps"
                  + " no files and has no direct I/O; turn it off or use storage disk");
      assertThatThrownBy(() -> RocksDbOptions.requireMemoryCompatible(direct))
          .hasMessageContaining("use_direct_reads, use_direct_io_for_flush_and_compaction")
          .hasMessageContaining("turn them off");
    }
    // The options built from every config leave them off, so every store can live in memory.
    try (RocksDbOptions server =
            RocksDbOptions.from(RocksDbConfig.serverDefaults(), Storage.MEMORY);
        RocksDbOptions capped =
            RocksDbOptions.from(new RocksDbConfig(8, 2, 16, 32), Storage.MEMORY)) {
      assertThat(server.storage()).isEqualTo(Storage.MEMORY);
      assertThat(capped.dbOptions().allowMmapReads()).isFalse();
    }
  }

  @Test
  void aServerConfigAndRocksDbDefaultsOpenInMemoryToo() {
    try (KalamStore server =
            KalamStore.open(
                dir.resolve("s"), RocksDbConfig.serverDefaults(), List.of(), Storage.MEMORY);
        KalamStore defaults =
            KalamStore.openWithRocksDbDefaults(dir.resolve("d"), List.of("t"), Storage.MEMORY)) {
      server.put("hot_data", b("k"), b("v"));
      defaults.put("t", b("k"), b("v"));
      assertThat(server.get("hot_data", b("k"))).isEqualTo(b("v"));
      assertThat(defaults.storage()).isEqualTo(Storage.MEMORY);
    }
    assertThat(dir.resolve("s")).doesNotExist();
  }
}

package org.kalamdb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.config.ServerLayout;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;

class RocksDbOptionsTest {

  private static final RocksDbConfig CAP_32 = RocksDbConfig.defaults().withMemtableLimitMb(32);

  @TempDir Path dir;

  @Test
  void arenaBlocksShareAQuarterOfTheCapBetweenFamilies() {
    assertThat(RocksDbOptions.arenaBlockSize(CAP_32, 57))
        .isEqualTo(143_360); // 32 MB / 228 = 147,168, down to 4 KB
    assertThat(RocksDbOptions.arenaBlockSize(CAP_32, 200)).isEqualTo(40_960);
    assertThat(RocksDbOptions.arenaBlockSize(CAP_32, 57) * 57).isLessThanOrEqualTo(8L << 20);
  }

  @Test
  void onlyTheHardCapBoundsTheOpenTableFiles() {
    try (RocksDbOptions capped = RocksDbOptions.from(CAP_32);
        RocksDbOptions seed = RocksDbOptions.from(RocksDbConfig.defaults())) {
      assertThat(capped.dbOptions().maxOpenFiles())
          .isEqualTo(RocksDbOptions.CAPPED_MAX_OPEN_FILES)
          .isEqualTo(512);
      assertThat(capped.dbOptions().maxBackgroundJobs()).isEqualTo(16);
      assertThat(seed.dbOptions().maxOpenFiles()).isEqualTo(-1);
      assertThat(capped.dbOptions().createIfMissing()).isTrue();
      assertThat(capped.dbOptions().createMissingColumnFamilies()).isTrue();
      assertThat(capped.config()).isEqualTo(CAP_32);
      assertThat(capped.cache().getUsage()).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void arenaBlocksStayBetween4KbAndTheWriteBufferSize() {
    assertThat(RocksDbOptions.arenaBlockSize(CAP_32, 1)).isEqualTo(8L << 20);
    assertThat(RocksDbOptions.arenaBlockSize(CAP_32.withWriteBufferSizeMb(1), 2))
        .isEqualTo(1L << 20);
    assertThat(RocksDbOptions.arenaBlockSize(CAP_32, 100_000)).isEqualTo(4096);
  }

  @Test
  void columnFamilyOptionsAreSizedForEveryOptionIssuedSoFar() {
    try (RocksDbOptions opts = RocksDbOptions.from(CAP_32)) {
      List<ColumnFamilyDescriptor> three = opts.descriptors(List.of("default", "a", "b"));
      assertThat(three).hasSize(3);
      assertThat(three.get(1).getOptions().arenaBlockSize())
          .isEqualTo(RocksDbOptions.arenaBlockSize(CAP_32, 3));
      assertThat(opts.columnFamilyOptions("c").arenaBlockSize())
          .isEqualTo(RocksDbOptions.arenaBlockSize(CAP_32, 4));
      assertThat(opts.columnFamilyOptions("d").writeBufferSize()).isEqualTo(8L << 20);
      assertThatThrownBy(() -> opts.columnFamilyOptions(""))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aToolkitHardCapDatabaseRunsWhatAStoreFromTheSameConfigRuns() throws Exception {
    List<String> names = List.of("default", "users", "orders");
    assertSameOptionsAsAStore(CAP_32, names);
  }

  @Test
  void aServerDatabaseRunsWhatAStoreFromTheSameConfigRuns() throws Exception {
    Path file = dir.resolve("server.toml");
    Files.writeString(
        file,
        ServerFileStoreTest.SERVER_TOML.replace("max_open_files = 512", "max_open_files = 300"));
    assertSameOptionsAsAStore(RocksDbConfig.load(file), ServerLayout.COLUMN_FAMILIES);
  }

  private void assertSameOptionsAsAStore(RocksDbConfig config, List<String> names)
      throws Exception {
    Path storeDir = dir.resolve("store");
    Path ownDir = dir.resolve("own");
    try (KalamStore store = KalamStore.open(storeDir, config, names);
        RocksDbOptions opts = RocksDbOptions.from(config);
        OwnDatabase own = new OwnDatabase(opts, ownDir, names)) {
      Map<String, Map<String, String>> expected = ServerFileStoreTest.latestOptionsFile(storeDir);
      Map<String, Map<String, String>> actual = ServerFileStoreTest.latestOptionsFile(ownDir);
      for (String key : List.of("max_open_files", "max_background_jobs")) {
        assertThat(actual.get("DBOptions").get(key))
            .as("DBOptions %s", key)
            .isEqualTo(expected.get("DBOptions").get(key));
      }
      for (String name : names) {
        String section = "CFOptions \"" + name + "\"";
        for (String key :
            List.of("write_buffer_size", "max_write_buffer_number", "arena_block_size")) {
          assertThat(actual.get(section).get(key))
              .as("[%s] %s", section, key)
              .isNotNull()
              .isEqualTo(expected.get(section).get(key));
        }
        String table = "TableOptions/BlockBasedTable \"" + name + "\"";
        assertThat(actual.get(table)).isEqualTo(expected.get(table));
        // And through the getters of the running databases.
        assertThat(own.db.getOptions(own.handle(name)).writeBufferSize())
            .isEqualTo(store.db().getOptions(store.columnFamily(name)).writeBufferSize());
      }
    }
  }

  @Test
  void aColumnFamilyCreatedLaterGetsItsProfile() throws Exception {
    Path file = dir.resolve("server.toml");
    Files.writeString(file, ServerFileStoreTest.SERVER_TOML);
    RocksDbConfig config = RocksDbConfig.load(file);
    try (RocksDbOptions opts = RocksDbOptions.from(config);
        OwnDatabase own = new OwnDatabase(opts, dir.resolve("db"), List.of("default"))) {
      ColumnFamilyHandle hot =
          own.db.createColumnFamily(
              new ColumnFamilyDescriptor(
                  OwnDatabase.bytes("hot_data"), opts.columnFamilyOptions("hot_data")));
      ColumnFamilyHandle t42 =
          own.db.createColumnFamily(
              new ColumnFamilyDescriptor(
                  OwnDatabase.bytes("t42"), opts.columnFamilyOptions("t42")));
      own.handles.add(hot);
      own.handles.add(t42);
      assertThat(own.db.getOptions(hot).writeBufferSize()).isEqualTo(1 << 20);
      assertThat(own.db.getOptions(hot).maxWriteBufferNumber()).isEqualTo(3);
      assertThat(own.db.getOptions(t42).writeBufferSize()).isEqualTo(65536); // system_meta's
      Map<String, Map<String, String>> file2 =
          ServerFileStoreTest.latestOptionsFile(dir.resolve("db"));
      assertThat(file2.get("CFOptions \"hot_data\"")).containsEntry("write_buffer_size", "1048576");
    }
  }

  @Test
  void closingTheOptionsWhileTheDatabaseIsOpenIsHarmless() throws Exception {
    // Measured: RocksDB copied the options at open and holds its own references to the cache,
    // table factories, write buffer manager and listener; the database runs on, under the cap.
    RocksDbConfig config = RocksDbConfig.defaults().withWriteBufferSizeMb(1).withMemtableLimitMb(4);
    List<String> names = List.of("default", "a", "b");
    for (int round = 0; round < 3; round++) {
      RocksDbOptions opts = RocksDbOptions.from(config);
      try (OwnDatabase own = new OwnDatabase(opts, dir.resolve("db"), names)) {
        opts.close();
        opts.close(); // idempotent
        assertThat(opts.isClosed()).isTrue();
        assertThatThrownBy(opts::dbOptions).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(opts::cache).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> opts.columnFamilyOptions("c"))
            .isInstanceOf(IllegalStateException.class);
        assertThat(opts.config()).isEqualTo(config);

        Workload workload = new Workload(1000, 4000);
        long highest = 0;
        for (int i = 0; i < 6000; i++) { // about 15 MB, several times the 4 MB cap
          own.put(names.get(i % 3), Workload.key(i + round * 10_000L), workload.value());
          if (i % 500 == 0) {
            highest =
                Math.max(highest, own.db.getAggregatedLongProperty("rocksdb.size-all-mem-tables"));
          }
        }
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
          own.db.flush(flush, own.handles);
        }
        for (int i = 0; i < 6000; i += 97) {
          assertThat(own.db.get(own.handle(names.get(i % 3)), Workload.key(i + round * 10_000L)))
              .isNotNull();
        }
        assertThat(Workload.sstFiles(dir.resolve("db"))).isPositive();
        // The write buffer manager still caps the memtables (4 MB, plus a block in flight).
        assertThat(highest).isPositive().isLessThan(6L << 20);
      }
    }
  }

  @Test
  void cyclesOfOpenWriteCloseLeaveNoFileDescriptorsBehind() throws Exception {
    Path fds = Path.of("/proc/self/fd");
    List<String> names = List.of("default", "users");
    Runnable cycle =
        () -> {
          try (RocksDbOptions opts = RocksDbOptions.from(CAP_32);
              OwnDatabase own = new OwnDatabase(opts, dir.resolve("cycle"), names)) {
            own.put("users", Workload.key(1), new byte[100]);
            assertThat(own.db.get(own.handle("users"), Workload.key(1))).hasSize(100);
          } catch (org.rocksdb.RocksDBException e) {
            throw new StoreException(e.getMessage(), e);
          }
        };
    cycle.run(); // warm up: native library, shared threads
    long before = Files.isDirectory(fds) ? count(fds) : -1;
    long start = System.nanoTime();
    for (int i = 0; i < 300; i++) {
      cycle.run();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("300 cycles of from/open/write/close: %d ms%n", millis);
    if (before >= 0) {
      assertThat(count(fds)).as("open file descriptors").isLessThanOrEqualTo(before + 2);
    }
  }

  private static long count(Path fds) throws IOException {
    try (Stream<Path> files = Files.list(fds)) {
      return files.count();
    }
  }

  @Test
  void writeOptionsFollowTheConfig() throws IOException {
    Path file = dir.resolve("server.toml");
    Files.writeString(
        file, ServerFileStoreTest.SERVER_TOML.replace("disable_wal = false", "disable_wal = true"));
    try (RocksDbOptions opts = RocksDbOptions.from(RocksDbConfig.load(file));
        RocksDbOptions seed = RocksDbOptions.from(RocksDbConfig.defaults())) {
      assertThat(opts.writeOptions().disableWAL()).isTrue();
      assertThat(seed.writeOptions().disableWAL()).isFalse();
      assertThat(seed.compactOnStartup()).isFalse();
    }
  }

  @Test
  void descriptorsOpenAFreshDatabaseWithEveryName() throws Exception {
    List<String> names = new ArrayList<>(List.of("default", "x", "y"));
    try (RocksDbOptions opts = RocksDbOptions.from(RocksDbConfig.defaults());
        OwnDatabase own = new OwnDatabase(opts, dir.resolve("db"), names)) {
      own.put("y", Workload.key(1), new byte[] {1});
      try (org.rocksdb.Options listing = new org.rocksdb.Options()) {
        assertThat(RocksDB.listColumnFamilies(listing, dir.resolve("db").toString())).hasSize(3);
      }
    }
  }
}

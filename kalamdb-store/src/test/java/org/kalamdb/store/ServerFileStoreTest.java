package org.kalamdb.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.config.ColumnFamilyProfile;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.config.ServerLayout;
import org.rocksdb.LiveFileMetaData;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * Stores opened from a KalamDB {@code server.toml}: what RocksDB itself runs (read back from the
 * OPTIONS file it writes), the database settings, and memory against the server's worst case.
 */
class ServerFileStoreTest {

  /** A full server file, sizes in bytes, as a KalamDB server reads it. */
  static final String SERVER_TOML =
      """
      [server]
      host = "0.0.0.0"
      port = 8080
      [storage]
      data_path = "./data"
      [storage.rocksdb]
      block_cache_size = 4194304
      max_background_jobs = 4
      max_open_files = 512
      sync_writes = false
      disable_wal = false
      compact_on_startup = false
      [storage.rocksdb.cf_profiles.system_meta]
      write_buffer_size = 65536
      max_write_buffers = 2
      [storage.rocksdb.cf_profiles.system_index]
      write_buffer_size = 65536
      max_write_buffers = 2
      [storage.rocksdb.cf_profiles.hot_data]
      write_buffer_size = 1048576
      max_write_buffers = 3
      [storage.rocksdb.cf_profiles.hot_index]
      write_buffer_size = 262144
      max_write_buffers = 2
      [storage.rocksdb.cf_profiles.raft]
      write_buffer_size = 524288
      max_write_buffers = 2
      """;

  @TempDir Path dir;

  private RocksDbConfig load(String toml) throws IOException {
    Path file = dir.resolve("server.toml");
    Files.writeString(file, toml);
    return RocksDbConfig.load(file);
  }

  private KalamStore openServerStore(RocksDbConfig config) {
    return KalamStore.open(dir.resolve("db"), config, ServerLayout.COLUMN_FAMILIES);
  }

  @Test
  void eachColumnFamilyRunsItsProfileAsRocksDbSanitizesIt() throws Exception {
    // system_index below RocksDB's 64 KiB minimum; DB settings unlike the server's defaults.
    RocksDbConfig config =
        load(
            SERVER_TOML
                .replace("max_background_jobs = 4", "max_background_jobs = 3")
                .replace("max_open_files = 512", "max_open_files = 300")
                .replace(
                    "system_index]\nwrite_buffer_size = 65536",
                    "system_index]\nwrite_buffer_size = 32768"));
    assertThat(config.dialect()).isEqualTo(Dialect.KALAMDB_SERVER);
    assertThat(config.profile("system_index").orElseThrow().writeBufferSizeBytes())
        .isEqualTo(32768);

    try (KalamStore store = openServerStore(config)) {
      assertThat(store.columnFamilyNames()).containsExactlyElementsOf(ServerLayout.COLUMN_FAMILIES);
      store.createColumnFamily("t42");

      Map<String, Map<String, String>> options = latestOptionsFile(store.directory());
      assertThat(options.get("DBOptions"))
          .containsEntry("max_background_jobs", "3")
          .containsEntry("max_open_files", "300");
      assertCf(options, "default", 65536, 2);
      assertCf(options, "system_meta", 65536, 2);
      assertCf(options, "system_index", 65536, 2); // 32768 as written
      assertCf(options, "hot_data", 1048576, 3);
      assertCf(options, "hot_index", 262144, 2);
      assertCf(options, "raft_data", 524288, 2);
      assertCf(options, "t42", 65536, 2); // system_meta's

      assertThat(store.profileOf("hot_data")).isEqualTo("hot_data");
      assertThat(store.profileOf("raft_data")).isEqualTo("raft");
      assertThat(store.profileOf("default")).isEqualTo("system_meta");
      assertThat(store.profileOf("t42")).isEqualTo("system_meta");
      // The same as the running database reports for a column family.
      assertThat(store.db().getOptions(store.columnFamily("hot_data")).writeBufferSize())
          .isEqualTo(1048576);
    }
  }

  @Test
  void aServerStoreAlwaysOpensTheSixColumnFamiliesOfTheServer() throws IOException {
    try (KalamStore store = KalamStore.open(dir, load(SERVER_TOML), List.of("t1"))) {
      List<String> expected = new java.util.ArrayList<>(ServerLayout.COLUMN_FAMILIES);
      expected.add("t1");
      assertThat(store.columnFamilyNames()).containsExactlyElementsOf(expected);
    }
    try (KalamStore store =
        KalamStore.open(dir.resolve("defaults"), RocksDbConfig.serverDefaults(), List.of())) {
      assertThat(store.columnFamilyNames()).containsExactlyElementsOf(ServerLayout.COLUMN_FAMILIES);
    }
  }

  @Test
  void aToolkitStoreKeepsOneProfileAndItsDescription() {
    try (KalamStore store = KalamStore.open(dir, RocksDbConfig.defaults(), List.of("users"))) {
      assertThat(store.profileOf("users")).isEqualTo(RocksDbConfig.TOOLKIT_PROFILE);
      assertThat(store.profileOf("hot_data")).isEqualTo("rocksdb");
      store.put("users", Workload.key(1), new byte[70_000]);
      MemoryUsage usage = store.memoryUsage();
      assertThat(store.describe(usage)).isEqualTo(usage.describe()).doesNotContain("profile");
    }
  }

  @Test
  void aStoreWithRocksDbDefaultsNamesTheToolkitProfile() {
    try (KalamStore store = KalamStore.openWithRocksDbDefaults(dir, List.of("t"))) {
      assertThat(store.profileOf("t")).isEqualTo("rocksdb");
    }
  }

  @Test
  void aServerStoreDescriptionNamesTheProfileOfEachListedColumnFamily() throws IOException {
    try (KalamStore store = openServerStore(load(SERVER_TOML))) {
      store.createColumnFamily("t7");
      for (int i = 0; i < 100; i++) {
        store.put("hot_data", Workload.key(i), new byte[4000]);
      }
      for (int i = 0; i < 50; i++) {
        store.put("raft_data", Workload.key(i), new byte[4000]);
      }
      store.put("t7", Workload.key(1), new byte[40_000]);

      String text = store.describe(store.memoryUsage());

      System.out.println("server store: " + text);
      assertThat(text)
          .containsPattern(
              "; largest CFs: hot_data 0\\.\\d MB \\(profile hot_data\\), raft_data 0\\.\\d MB"
                  + " \\(profile raft\\), t7 0\\.0 MB \\(profile system_meta\\)$");
    }
  }

  @Test
  void writeOptionsFollowTheWalAndSyncSettings() throws IOException {
    RocksDbConfig synced = load(SERVER_TOML.replace("sync_writes = false", "sync_writes = true"));
    RocksDbConfig noWal = load(SERVER_TOML.replace("disable_wal = false", "disable_wal = true"));
    try (RocksDbOptions options = RocksDbOptions.from(synced);
        WriteOptions logged = options.newWriteOptions(WriteAheadLog.ENABLED);
        WriteOptions unlogged = options.newWriteOptions(WriteAheadLog.DISABLED)) {
      assertThat(logged.sync()).isTrue();
      assertThat(logged.disableWAL()).isFalse();
      // RocksDB rejects a sync write without a WAL; no WAL means nothing to sync.
      assertThat(unlogged.sync()).isFalse();
      assertThat(unlogged.disableWAL()).isTrue();
    }
    try (RocksDbOptions options = RocksDbOptions.from(noWal);
        WriteOptions write = options.newWriteOptions(WriteAheadLog.ENABLED)) {
      assertThat(write.disableWAL()).isTrue();
      assertThat(write.sync()).isFalse();
    }
    try (RocksDbOptions options = RocksDbOptions.from(RocksDbConfig.defaults());
        WriteOptions write = options.newWriteOptions(WriteAheadLog.ENABLED)) {
      assertThat(write.disableWAL()).isFalse();
      assertThat(write.sync()).isFalse();
    }
  }

  @Test
  void disableWalKeepsWritesOutOfTheLogAndSyncedWritesWork() throws Exception {
    Path noWalDir = dir.resolve("no-wal");
    RocksDbConfig noWal = load(SERVER_TOML.replace("disable_wal = false", "disable_wal = true"));
    try (KalamStore store = KalamStore.open(noWalDir, noWal, ServerLayout.COLUMN_FAMILIES)) {
      for (int i = 0; i < 100; i++) {
        store.put("hot_data", Workload.key(i), new byte[1000]);
      }
      assertThat(walBytes(noWalDir)).isZero();
    }
    Path syncedDir = dir.resolve("synced");
    RocksDbConfig synced = load(SERVER_TOML.replace("sync_writes = false", "sync_writes = true"));
    try (KalamStore store = KalamStore.open(syncedDir, synced, ServerLayout.COLUMN_FAMILIES)) {
      store.put("hot_data", Workload.key(1), new byte[1000]);
      assertThat(store.get("hot_data", Workload.key(1))).hasSize(1000);
      assertThat(walBytes(syncedDir)).isGreaterThan(1000);
    }
  }

  @Test
  void compactOnStartupCompactsEveryColumnFamilyBeforeOpenReturns() throws Exception {
    Path db = dir.resolve("db");
    try (KalamStore store = KalamStore.open(db, load(SERVER_TOML), ServerLayout.COLUMN_FAMILIES)) {
      for (int flush = 0; flush < 3; flush++) {
        for (String cf : List.of("hot_data", "system_meta")) {
          // The same keys in every file: overlapping files are merged, not just moved down.
          store.put(cf, Workload.key(1), new byte[1000]);
          store.put(cf, Workload.key(2), new byte[1000 + flush]);
        }
        store.flush();
      }
      assertThat(level0Files(store, "hot_data")).isEqualTo(3);
      assertThat(level0Files(store, "system_meta")).isEqualTo(3);
    }
    RocksDbConfig compacting =
        load(SERVER_TOML.replace("compact_on_startup = false", "compact_on_startup = true"));
    try (KalamStore store = KalamStore.open(db, compacting, ServerLayout.COLUMN_FAMILIES)) {
      assertThat(level0Files(store, "hot_data")).isZero();
      assertThat(level0Files(store, "system_meta")).isZero();
      assertThat(sstFilesByColumnFamily(store))
          .containsEntry("hot_data", 1L)
          .containsEntry("system_meta", 1L);
      assertThat(store.get("hot_data", Workload.key(2))).hasSize(1002);
    }
  }

  @Test
  void memtablesFilledInEveryColumnFamilyStayWithinTheServersWorstCase() throws IOException {
    RocksDbConfig config = load(SERVER_TOML);
    BigInteger worstCase = MemoryModel.worstCaseBytes(config, ServerLayout.COLUMN_FAMILIES.size());
    SplittableRandom random = new SplittableRandom(7);
    Workload values = new Workload(1 << 10, 4 << 10);
    Map<String, Long> highestPerFamily = new HashMap<>();
    long written = 0;
    long start = System.nanoTime();
    try (KalamStore store = openServerStore(config)) {
      List<String> families = store.columnFamilyNames();
      Map<String, Long> remaining = new LinkedHashMap<>(); // bytes still to write, by family
      for (String cf : families) {
        // Several write buffers into each family: every memtable fills, flushes and refills.
        remaining.put(cf, 6 * config.profileFor(cf).effectiveWriteBufferSizeBytes());
      }
      Map<String, List<Long>> keysByFamily = new HashMap<>();
      while (remaining.values().stream().anyMatch(bytes -> bytes > 0)) {
        for (String cf : families) {
          if (remaining.get(cf) <= 0) {
            continue;
          }
          byte[] value = values.value();
          long key = random.nextLong(); // random keys: no ordered runs
          store.put(cf, Workload.key(key), value);
          written += value.length;
          remaining.merge(cf, (long) -value.length, Long::sum);
          List<Long> keys = keysByFamily.computeIfAbsent(cf, ignored -> new ArrayList<>());
          keys.add(key);
          // Reads of earlier keys, mostly from flushed files: the block cache fills as well.
          assertThat(store.get(cf, Workload.key(keys.get(random.nextInt(keys.size())))))
              .isNotNull();
        }
        // A sample after every round, so the peak misses no memtable that filled.
        store
            .memoryUsage()
            .memTableBytesByColumnFamily()
            .forEach((cf, bytes) -> highestPerFamily.merge(cf, bytes, Math::max));
      }
      MemoryUsage peak = store.peakMemoryUsage();
      Map<String, Long> ssts = sstFilesByColumnFamily(store);
      System.out.printf(
          "server dialect, 6 CFs, %.1f MB written in %d ms: peak %s; %s;"
              + " peak %d bytes <= worst case %d bytes; highest memtables per CF %s; SST files %s%n",
          written / (double) (1 << 20),
          (System.nanoTime() - start) / 1_000_000,
          store.describe(peak),
          MemoryModel.worstCaseSentence(config, 6),
          peak.total(),
          worstCase,
          highestPerFamily,
          ssts);

      assertThat(BigInteger.valueOf(peak.total())).isLessThanOrEqualTo(worstCase);
      for (String cf : families) {
        ColumnFamilyProfile profile = config.profileFor(cf);
        // Each family's memtables reached at least half a write buffer and were flushed.
        assertThat(highestPerFamily.get(cf))
            .as("highest memtable bytes of %s", cf)
            .isGreaterThan(profile.effectiveWriteBufferSizeBytes() / 2);
        assertThat(ssts).as("SST files of %s", cf).containsKey(cf);
      }
    }
  }

  private static void assertCf(
      Map<String, Map<String, String>> options, String cf, long writeBuffer, int buffers) {
    assertThat(options).containsKey("CFOptions \"" + cf + "\"");
    assertThat(options.get("CFOptions \"" + cf + "\""))
        .as("[CFOptions \"%s\"] of the OPTIONS file", cf)
        .containsEntry("write_buffer_size", Long.toString(writeBuffer))
        .containsEntry("max_write_buffer_number", Integer.toString(buffers));
  }

  /** The sections of the newest OPTIONS-NNNNNN file RocksDB wrote, as name to key to value. */
  static Map<String, Map<String, String>> latestOptionsFile(Path dbDir) throws IOException {
    Pattern name = Pattern.compile("OPTIONS-(\\d+)");
    Path latest;
    try (Stream<Path> files = Files.list(dbDir)) {
      latest =
          files
              .filter(p -> name.matcher(p.getFileName().toString()).matches())
              .max(
                  Comparator.comparingLong(
                      p -> {
                        Matcher m = name.matcher(p.getFileName().toString());
                        m.matches();
                        return Long.parseLong(m.group(1));
                      }))
              .orElseThrow();
    }
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (String raw : Files.readAllLines(latest)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        current = new LinkedHashMap<>();
        sections.put(line.substring(1, line.length() - 1), current);
      } else if (current != null && line.contains("=")) {
        int eq = line.indexOf('=');
        current.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    return sections;
  }

  private static long walBytes(Path dbDir) throws IOException {
    try (Stream<Path> files = Files.list(dbDir)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".log"))
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .sum();
    }
  }

  private static long level0Files(KalamStore store, String cf) throws RocksDBException {
    return Long.parseLong(
        store.db().getProperty(store.columnFamily(cf), "rocksdb.num-files-at-level0"));
  }

  private static Map<String, Long> sstFilesByColumnFamily(KalamStore store) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (LiveFileMetaData file : store.db().getLiveFilesMetaData()) {
      counts.merge(
          new String(file.columnFamilyName(), java.nio.charset.StandardCharsets.UTF_8),
          1L,
          Long::sum);
    }
    return counts;
  }
}

package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalamdb.junit.BudgetTest.failureOf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.store.RocksDbOptions;
import org.opentest4j.AssertionFailedError;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * A write that waited 10 s or more under a watched cap fails the test, naming the stall: a test
 * must not pass after its writes hung for a while, and the message says why they hung. Takes about
 * 12 s: the stall must really last.
 */
class LastingStallTest {

  @TempDir Path base;

  /**
   * Five databases under one 4 MB cap, their arena blocks sized as if each were alone (1 MB, which
   * a memtable reserves whole at its first write). Four get one key each and go idle: their blocks
   * hold the whole limit, and a write to the fifth waits, since only the database written is
   * flushed (rocksdb#11780). Once the stall was counted, the test closes two idle databases, which
   * frees their memory and lets the write finish.
   */
  @Fixture
  @KalamStoreTest(memoryBudgetMb = 64)
  static class Wedged {
    @Test
    void writes(@TempDir Path dir, MemoryWatch memory) throws Exception {
      RocksDbConfig config =
          RocksDbConfig.defaults().withMemtableLimitMb(4).withWriteBufferSizeMb(16);
      List<RocksDB> dbs = new ArrayList<>();
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      RocksDbOptions options = RocksDbOptions.from(config);
      Thread writer = null;
      try {
        for (int d = 0; d < 5; d++) {
          List<ColumnFamilyDescriptor> descriptors = options.descriptors(List.of("default"));
          descriptors.get(0).getOptions().setArenaBlockSize(1L << 20);
          dbs.add(
              RocksDB.open(
                  options.dbOptions(), dir.resolve("db" + d).toString(), descriptors, handles));
        }
        memory.watch("busy", dbs.get(0), options.cache());
        for (int d = 1; d < 5; d++) {
          for (int k = 0; k < 4; k++) { // past the memtable's small inline block
            dbs.get(d).put(key("idle" + k), new byte[4096]);
          }
        }
        AtomicReference<Throwable> failed = new AtomicReference<>();
        RocksDB busy = dbs.get(0);
        writer =
            new Thread(
                () -> {
                  try {
                    busy.put(key("busy"), new byte[16]);
                  } catch (RocksDBException e) {
                    failed.set(e);
                  }
                },
                "writer");
        writer.setDaemon(true);
        writer.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (options.lastingStalls() == 0 && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        assertThat(options.lastingStalls()).as("stalls counted").isEqualTo(1);
        for (int d = 4; d > 2; d--) {
          handles.remove(d).close();
          dbs.remove(d).close();
        }
        writer.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(writer.isAlive()).as("the writer still waits").isFalse();
        assertThat(failed.get()).isNull();
      } finally {
        // A database a writer is still inside must not be closed under it: that would crash the
        // JVM. Left open, it goes with the test JVM.
        if (writer == null || !writer.isAlive()) {
          handles.forEach(ColumnFamilyHandle::close);
          dbs.forEach(RocksDB::close);
          options.close();
        }
      }
    }
  }

  @Test
  void aWriteThatWaitedLongFailsTheTestNamingTheStall() {
    EngineExecutionResults results = Fixtures.under(base).run(Wedged.class);

    Throwable failure = failureOf(results, "writes");
    assertThat(failure)
        .isInstanceOf(AssertionFailedError.class)
        .hasMessage(
            "database 'busy': writes stalled for 10 s or more with no flush, once during this"
                + " test: the memtables held the whole memtable_limit_mb and nothing freed it, so"
                + " every write under that cap waited (a write buffer manager stall,"
                + " rocksdb#11780: idle databases holding the memory); the warning logged on"
                + " System.Logger org.kalamdb.store gives the figures");
  }

  private static byte[] key(String name) {
    return name.getBytes(StandardCharsets.UTF_8);
  }
}

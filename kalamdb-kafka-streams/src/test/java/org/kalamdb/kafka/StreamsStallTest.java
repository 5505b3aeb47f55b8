package org.kalamdb.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.kalamdb.junit.KalamStoreTest;
import org.kalamdb.junit.MemoryWatch;
import org.kalamdb.junit.TempStore;
import org.kalamdb.store.RocksDbOptions;
import org.opentest4j.AssertionFailedError;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/**
 * A topology test whose writes waited 10 s or more under the setter's cap fails, naming the stall
 * and the source. Four databases of the same application config, opened through the setter with 8
 * MB arena blocks in place of the setter's small ones, each get a few records and go idle: their
 * blocks hold the whole 32 MB, and the driver's next write waits (rocksdb#11780). Once the stall
 * was counted, two of them close, which frees the memory and lets the driver go on. About 12 s.
 */
class StreamsStallTest {

  private static final Map<String, Object> CONFIG =
      Map.of(KalamRocksDBConfigSetter.CONFIG, "classpath:capped.toml");

  @KalamStoreTest(config = "classpath:capped.toml", memoryBudgetMb = 512)
  @ExtendWith(FixtureCondition.class)
  static class Wedged {
    @Test
    void writes(@TempStore Path stateDir, MemoryWatch memory) throws Exception {
      var props =
          StoresTopology.withSetter(
              StoresTopology.properties("wedged", stateDir.resolve("app")),
              "classpath:capped.toml");
      List<Idle> idle = new ArrayList<>();
      try (TopologyTestDriver driver =
          new TopologyTestDriver(new StoresTopology(1).build(), props)) {
        memory.watch("app", StreamsMemory.of(driver));
        for (int d = 0; d < 4; d++) {
          idle.add(Idle.open(stateDir.resolve("idle-" + d)));
        }
        ConfigReference reference =
            ConfigReference.of(CONFIG, StreamsStallTest.class.getClassLoader());
        SharedOptions.Key key = reference.key();
        AtomicReference<Throwable> freeing = new AtomicReference<>();
        Thread freer =
            new Thread(
                () -> {
                  try {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
                    while (SharedOptions.lastingStalls(key) == 0 && System.nanoTime() < deadline) {
                      Thread.sleep(100);
                    }
                    idle.remove(3).close();
                    idle.remove(2).close();
                  } catch (Throwable e) {
                    freeing.set(e);
                  }
                },
                "freer");
        freer.setDaemon(true);
        freer.start();
        TestInputTopic<Integer, byte[]> input = StoresTopology.input(driver);
        input.pipeInput(1, StoresTopology.value(1, 1024)); // waits until the freer frees
        freer.join();
        assertThat(freeing.get()).isNull();
      } finally {
        for (Idle database : idle) {
          database.close();
        }
      }
    }
  }

  /** A database opened through the setter as Kafka opens one, with 8 MB arena blocks. */
  private record Idle(KalamRocksDBConfigSetter setter, Options options, RocksDB db) {
    static Idle open(Path dir) throws Exception {
      Options options = KafkaDefaults.options();
      KalamRocksDBConfigSetter setter = new KalamRocksDBConfigSetter();
      setter.setConfig("idle", options, CONFIG);
      options.setArenaBlockSize(8L << 20);
      RocksDB db = RocksDB.open(options, dir.toString());
      for (int k = 0; k < 4; k++) { // past the memtable's small inline block: one block reserved
        db.put(("k" + k).getBytes(java.nio.charset.StandardCharsets.UTF_8), new byte[4096]);
      }
      return new Idle(setter, options, db);
    }

    void close() {
      setter.close("idle", options); // before the database, as Kafka does
      db.close();
      options.close();
    }
  }

  @Test
  void writesThatWaitedLongFailTheTopologyTestNamingTheSource(@TempDir Path reports) {
    EngineExecutionResults results = FixtureRun.of(Wedged.class, reports);

    results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    Throwable failure = FixtureRun.firstFailure(results);
    assertThat(failure)
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith(
            "source 'app': writes stalled for "
                + RocksDbOptions.LASTING_STALL.toSeconds()
                + " s or more with no flush, once during this test");
  }
}

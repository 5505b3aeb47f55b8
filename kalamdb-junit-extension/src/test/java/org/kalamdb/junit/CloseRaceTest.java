package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.store.DatabaseWatch;
import org.rocksdb.RocksDBException;

/**
 * A watched database closed by its test at every point: before any write, while another thread
 * writes, after the writes; many times. The JVM surviving is the assertion that matters: a crash
 * would lose every report of the run. 1 MB write buffers make memtables seal during the writes, so
 * the watch's samples at seals and flushes race the close too, not only its 100 ms sampler.
 */
class CloseRaceTest {
  static final int REPETITIONS = 60;
  static final RocksDbConfig TINY = new RocksDbConfig(1, 2, 1, 0);
  static final AtomicInteger CLOSED_SEEN = new AtomicInteger();

  @Fixture
  @KalamStoreTest(memoryBudgetMb = 1024)
  static class Closes {
    @RepeatedTest(REPETITIONS)
    void beforeWriting(@TempStore Path dir, MemoryWatch memory) throws Exception {
      ApplicationDatabase repo = ApplicationDatabase.open(dir, TINY);
      DatabaseWatch watch = memory.watch("repo", repo.db, repo.options.cache());
      repo.close();
      assertNeverSampledAgain(watch);
    }

    @RepeatedTest(REPETITIONS)
    void whileAnotherThreadWrites(@TempStore Path dir, MemoryWatch memory) throws Exception {
      ApplicationDatabase repo = ApplicationDatabase.open(dir, TINY);
      DatabaseWatch watch = memory.watch("repo", repo.db, repo.options.cache());
      // The application's own guard: no write of its runs into its close. The watch has no
      // such guard; what is tested is that it needs none.
      ReentrantReadWriteLock guard = new ReentrantReadWriteLock();
      boolean[] closed = {false};
      Thread writer =
          new Thread(
              () -> {
                byte[] value = new byte[4096];
                for (int i = 0; ; i++) {
                  guard.readLock().lock();
                  try {
                    if (closed[0]) {
                      return;
                    }
                    repo.db.put(("k" + i).getBytes(), value);
                  } catch (RocksDBException e) {
                    throw new IllegalStateException(e);
                  } finally {
                    guard.readLock().unlock();
                  }
                }
              },
              "writer");
      writer.start();
      Thread closer =
          new Thread(
              () -> {
                sleepMicros(ThreadLocalRandom.current().nextInt(20_000));
                guard.writeLock().lock();
                try {
                  closed[0] = true;
                  repo.close();
                } finally {
                  guard.writeLock().unlock();
                }
              },
              "closer");
      closer.start();
      closer.join();
      writer.join();
      assertNeverSampledAgain(watch);
    }

    @RepeatedTest(REPETITIONS)
    void afterWriting(@TempStore Path dir, MemoryWatch memory) throws Exception {
      ApplicationDatabase repo = ApplicationDatabase.open(dir, TINY);
      DatabaseWatch watch = memory.watch("repo", repo.db, repo.options.cache());
      repo.fill(0, 2);
      repo.close();
      assertNeverSampledAgain(watch);
    }

    private static void assertNeverSampledAgain(DatabaseWatch watch) {
      assertThat(watch.sampleNow()).isEmpty();
      assertThat(watch.databaseClosed()).isTrue();
      CLOSED_SEEN.incrementAndGet();
    }

    private static void sleepMicros(long micros) {
      try {
        TimeUnit.MICROSECONDS.sleep(micros);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void closingAtEveryPointNeverCrashesAndTheWatchStopsSampling() throws Exception {
    CLOSED_SEEN.set(0);
    try (ScratchDirectory scratch = ScratchDirectory.create()) {
      Path stores = scratch.path().resolve("stores");
      Fixtures fixtures = Fixtures.under(stores);

      EngineExecutionResults results = fixtures.run(Closes.class);

      results.allEvents().assertStatistics(stats -> stats.failed(0));
      results.testEvents().assertStatistics(stats -> stats.succeeded(3 * REPETITIONS));
      assertThat(CLOSED_SEEN.get()).isEqualTo(3 * REPETITIONS);
      assertThat(fixtures.leftovers()).isEmpty();
    }
  }
}

package org.kalamdb.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.config.RocksDbConfig;

/** Calls racing close() either complete or throw IllegalStateException; the JVM survives. */
class ConcurrentCloseTest {

  @TempDir Path dir;

  @RepeatedTest(3)
  void callsRacingCloseCompleteOrThrowIllegalState() throws Exception {
    KalamStore store =
        KalamStore.open(
            dir,
            RocksDbConfig.defaults().withMemtableLimitMb(8),
            List.of("a", "b"),
            WriteAheadLog.DISABLED);
    Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
    AtomicLong completed = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    CountDownLatch running = new CountDownLatch(4);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int id = t;
      threads.add(
          new Thread(
              () -> {
                Workload workload = new Workload(100, 1000);
                running.countDown();
                for (long i = 0; ; i++) {
                  try {
                    call(store, id, i, workload);
                    completed.incrementAndGet();
                  } catch (IllegalStateException e) {
                    if (!e.getMessage().endsWith("is closed")) {
                      unexpected.add(e);
                    }
                    refused.incrementAndGet();
                    return;
                  } catch (Throwable e) {
                    unexpected.add(e);
                    return;
                  }
                }
              }));
    }
    threads.forEach(Thread::start);
    running.await();
    Thread.sleep(300);
    store.close();
    for (Thread thread : threads) {
      thread.join(10_000);
      assertThat(thread.isAlive()).isFalse();
    }
    assertThat(unexpected).isEmpty();
    assertThat(refused.get()).isEqualTo(4);
    assertThat(completed.get()).isPositive();
  }

  private static void call(KalamStore store, int thread, long i, Workload workload) {
    byte[] key = Workload.key(i);
    switch ((int) (i % 8)) {
      case 0, 1, 2 -> store.put(i % 2 == 0 ? "a" : "b", key, workload.value());
      case 3 -> store.get("a", key);
      case 4 -> store.scanPrefix("b", new byte[] {0, 0}, (k, v) -> {});
      case 5 -> store.memoryUsage();
      case 6 -> store.peakMemoryUsage();
      default -> {
        // Each thread owns its family names, so create/drop never collide between threads.
        String name = "tmp-" + thread + "-" + (i % 3);
        if (store.columnFamilyNames().contains(name)) {
          store.dropColumnFamily(name);
        } else {
          store.createColumnFamily(name);
        }
      }
    }
  }
}

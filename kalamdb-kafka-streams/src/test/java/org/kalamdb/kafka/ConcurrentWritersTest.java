package org.kalamdb.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.AbstractEventListener;
import org.rocksdb.FlushJobInfo;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * Issue 14's concurrent scenario, Kafka's use of the setter at full speed without Kafka's runtime
 * (a single-threaded TopologyTestDriver hides it): 60 stores opened one after another, each with a
 * new {@link Options} carrying Kafka's defaults and the setter's {@code setConfig}; 4 threads, as
 * stream threads, write 4 MB of 1 KB values into each of their 15 stores, then 48 MB into one store
 * each, WAL off. Every writer must finish (a write buffer manager shared by many databases can
 * stall them for good when idle databases hold the memory: rocksdb#11780), and the memtables of all
 * stores together stay within 1.1 x the 32 MB cap at every sample.
 */
class ConcurrentWritersTest {

  private static final int STORES = 60;
  private static final int THREADS = 4;
  private static final long CAP = 32L << 20;

  @TempDir Path dir;

  @Test
  void fourWritersOverSixtyStoresFinishUnderTheCap() throws Exception {
    Map<String, Object> configs = Map.of(KalamRocksDBConfigSetter.CONFIG, "classpath:capped.toml");
    List<KalamRocksDBConfigSetter> setters = new ArrayList<>();
    List<Options> options = new ArrayList<>();
    List<RocksDB> dbs = new ArrayList<>();
    RocksDB.loadLibrary();
    FlushCount flushes = new FlushCount();
    try {
      for (int s = 0; s < STORES; s++) {
        Options kafkaLike = KafkaDefaults.options();
        options.add(kafkaLike);
        KalamRocksDBConfigSetter setter = new KalamRocksDBConfigSetter();
        setter.setConfig("store-" + s, kafkaLike, configs);
        setters.add(setter);
        List<AbstractEventListener> listeners = new ArrayList<>(kafkaLike.listeners());
        listeners.add(flushes);
        kafkaLike.setListeners(listeners);
        dbs.add(RocksDB.open(kafkaLike, dir.resolve("store-" + s).toString()));
      }
      Sampler sampler = new Sampler(dbs, flushes);
      Thread sampling = new Thread(sampler, "memtables-sampler");
      sampling.setDaemon(true);
      sampling.start();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      CountDownLatch finished = new CountDownLatch(THREADS);
      for (int t = 0; t < THREADS; t++) {
        List<RocksDB> mine = dbs.subList(t * STORES / THREADS, (t + 1) * STORES / THREADS);
        Thread writer = new Thread(() -> write(mine, finished, failure), "stream-thread-" + t);
        writer.setDaemon(true); // a wedged writer must not keep the test JVM alive
        writer.start();
      }
      boolean allFinished = finished.await(60, TimeUnit.SECONDS);
      sampling.interrupt();
      sampling.join();
      System.out.printf(
          "60 stores, 4 writers: %s; memtables of all stores at peak %.1f MB (cap 32 MB;"
              + " %d sums kept, %d dropped because a flush freed memory while they were read)%n",
          allFinished ? "every writer finished" : "writers still waiting after 60 s",
          sampler.peak / 1048576.0,
          sampler.kept,
          sampler.dropped);
      assertThat(allFinished).as("every writer finished within 60 s (no lasting stall)").isTrue();
      assertThat(failure.get()).isNull();
      assertThat(sampler.failure).isNull();
      assertThat(sampler.kept).isPositive();
      assertThat(sampler.peak).isLessThanOrEqualTo(CAP * 11 / 10);
    } finally {
      // The setters before the databases, as Kafka does; a failed run leaves nothing registered.
      for (int s = 0; s < options.size(); s++) {
        if (s < setters.size()) {
          setters.get(s).close("store-" + s, options.get(s));
        }
        if (s < dbs.size()) {
          dbs.get(s).close();
        }
        options.get(s).close();
      }
    }
  }

  /** Flushes that completed in any of the stores: each one may have freed a memtable. */
  private static final class FlushCount extends AbstractEventListener {
    final AtomicLong completed = new AtomicLong();

    FlushCount() {
      super(EnabledEventCallback.ON_FLUSH_COMPLETED);
    }

    @Override
    public void onFlushCompleted(RocksDB db, FlushJobInfo info) {
      completed.incrementAndGet();
    }
  }

  /**
   * Sums the memtables of every store, one store after another. Memory is freed only when a flush
   * completes; a sum read while none did holds each store at or below its size at the sum's end, so
   * it never exceeds what all the stores really held together. A sum a flush overlapped can count
   * the freed memtable and the memory that replaced it in another store, and is dropped.
   */
  private static final class Sampler implements Runnable {
    private final List<RocksDB> dbs;
    private final FlushCount flushes;
    // Written by the sampling thread only, read after join().
    long peak;
    long kept;
    long dropped;
    Throwable failure;

    Sampler(List<RocksDB> dbs, FlushCount flushes) {
      this.dbs = dbs;
      this.flushes = flushes;
    }

    // The test owns every database and closes them only after this thread stopped.
    @Override
    public void run() {
      while (!Thread.currentThread().isInterrupted()) {
        long before = flushes.completed.get();
        long sum = 0;
        try {
          for (RocksDB db : dbs) {
            sum += db.getLongProperty("rocksdb.size-all-mem-tables");
          }
        } catch (RocksDBException e) {
          failure = e;
          return;
        }
        if (flushes.completed.get() == before) {
          peak = Math.max(peak, sum);
          kept++;
        } else {
          dropped++;
        }
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private static void write(
      List<RocksDB> mine, CountDownLatch finished, AtomicReference<Throwable> failure) {
    try (WriteOptions noWal = new WriteOptions().setDisableWAL(true)) {
      byte[] value = new byte[1024];
      int k = 0;
      for (int i = 0; i < 4 * 1024; i++) {
        for (RocksDB db : mine) {
          value[0] = (byte) i;
          db.put(noWal, key(k++), value);
        }
      }
      for (int i = 0; i < 48 * 1024; i++) {
        value[0] = (byte) i;
        mine.get(0).put(noWal, key(k++), value);
      }
      finished.countDown();
    } catch (RocksDBException | RuntimeException e) {
      failure.compareAndSet(null, e);
    }
  }

  private static byte[] key(int k) {
    return String.format("key%010d", k).getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}

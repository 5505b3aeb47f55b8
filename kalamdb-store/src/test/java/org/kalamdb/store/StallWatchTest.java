package org.kalamdb.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** A write buffer manager stall that lasts is reported, once per stall, and nothing else is. */
class StallWatchTest {

  private static final long LIMIT = 32L << 20;
  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong pinned = new AtomicLong();
  private final AtomicLong flushes = new AtomicLong();
  private final StallWatch watch =
      new StallWatch(
          LIMIT,
          () -> Optional.of(new RocksDbOptions.CacheUsage(pinned.get(), pinned.get())),
          flushes::get,
          Duration.ofSeconds(10));

  @Test
  void aCapHeldFullWithNoFlushIsReportedOnceAfterTenSeconds() {
    List<String> logged = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(MessageFormat.format(record.getMessage(), record.getParameters()));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger jul = Logger.getLogger("org.kalamdb.store");
    jul.addHandler(capture);
    try {
      stallOnceThenAgain();
    } finally {
      jul.removeHandler(capture);
    }
    assertThat(logged).hasSize(2);
    assertThat(logged.get(0))
        .startsWith(
            "kalamdb: the memtables under the shared cap of 32.0 MB have held it (32.0 MB"
                + " reserved) for 10 s with no flush begun or completed")
        .contains("rocksdb#11780");
  }

  private void stallOnceThenAgain() {
    pinned.set(LIMIT);
    for (long s = 0; s <= 9; s++) {
      watch.check(s * SECOND);
    }
    assertThat(watch.stalls()).isZero();
    watch.check(11 * SECOND);
    assertThat(watch.stalls()).isEqualTo(1);
    watch.check(30 * SECOND);
    assertThat(watch.stalls()).as("one report per stall").isEqualTo(1);

    flushes.incrementAndGet(); // a flush: the stall ended
    watch.check(31 * SECOND);
    watch.check(32 * SECOND);
    watch.check(43 * SECOND);
    assertThat(watch.stalls()).as("a second stall").isEqualTo(2);
  }

  @Test
  void flushesOrRoomUnderTheLimitAreNoStall() {
    pinned.set(LIMIT);
    for (long s = 0; s <= 30; s++) {
      flushes.incrementAndGet(); // full, but memory is being freed
      watch.check(s * SECOND);
    }
    pinned.set(LIMIT - 1); // idle just under the limit: writers are not held
    for (long s = 31; s <= 60; s++) {
      watch.check(s * SECOND);
    }
    assertThat(watch.stalls()).isZero();
  }

  /**
   * The real thing: 60 databases under one 32 MB cap whose arena blocks were each sized for one
   * column family, written by 4 threads, wedge every writer for good (issue 14); the options report
   * it. In a child JVM, as the wedged writers never return.
   */
  @Test
  void aRealWedgeIsReported() throws Exception {
    ChildJvm child = ChildJvm.run(SharedCapHarness.class, 120, "stall", "32", "10", "one");
    String output = child.output();
    assertThat(child.ended()).as("ended; output:%n%s", output).isTrue();
    assertThat(output).contains("WEDGED").contains("lasting stalls reported: 1");
  }

  /**
   * The check reads the options' cache under the options' lock, and the options' close stops the
   * watch: neither may wait for the other. Here the options' lock is held across a check (once a
   * second) and then close runs: it must finish.
   */
  @Test
  void closingTheOptionsWhileACheckWaitsForThemDoesNotDeadlock() throws Exception {
    RocksDbOptions options =
        RocksDbOptions.from(org.kalamdb.config.RocksDbConfig.defaults().withMemtableLimitMb(4));
    java.util.concurrent.ExecutorService closer =
        java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "closer");
              thread.setDaemon(true); // a deadlocked closer must not keep the JVM alive
              return thread;
            });
    try {
      java.util.concurrent.Future<?> closed =
          closer.submit(
              () -> {
                synchronized (options) {
                  Thread.sleep(2500); // a check of the watch runs meanwhile and waits here
                  options.close();
                }
                return null;
              });
      closed.get(20, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      closer.shutdownNow();
    }
    assertThat(options.isClosed()).isTrue();
  }
}

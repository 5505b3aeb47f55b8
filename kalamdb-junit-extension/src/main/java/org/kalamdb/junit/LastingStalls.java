package org.kalamdb.junit;

import java.util.Optional;
import java.util.function.LongSupplier;
import org.kalamdb.store.RocksDbOptions;

/**
 * The lasting write stalls of one store or watch since its current test began, and the failure that
 * names them. The count is the stall watch's Java counter ({@link RocksDbOptions#lastingStalls()});
 * reading it calls nothing native.
 */
final class LastingStalls {

  private final String subject;
  private final LongSupplier count;
  private volatile long atTestStart;

  /** Counts from now on for {@code subject}, e.g. {@code store 'orders'}. */
  LastingStalls(String subject, LongSupplier count) {
    this.subject = subject;
    this.count = count;
    this.atTestStart = count.getAsLong();
  }

  /** A new test begins: stalls before it are not its own. */
  void testStarted() {
    atTestStart = count.getAsLong();
  }

  /** The failure for the stalls since the test began; empty when there were none. */
  Optional<String> failure() {
    long during = count.getAsLong() - atTestStart;
    if (during <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        subject
            + ": writes stalled for "
            + RocksDbOptions.LASTING_STALL.toSeconds()
            + " s or more with no flush, "
            + (during == 1 ? "once" : during + " times")
            + " during this test: the memtables held the whole memtable_limit_mb and nothing freed"
            + " it, so every write under that cap waited (a write buffer manager stall,"
            + " rocksdb#11780: idle databases holding the memory); the warning logged on"
            + " System.Logger org.kalamdb.store gives the figures");
  }
}

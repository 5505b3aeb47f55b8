package org.kalamdb.kafka;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Records processed by a topology, and when the first and the last were: the harness's records per
 * second through a real {@code KafkaStreams}, whose stream threads process on their own.
 */
final class Progress {
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong firstNanos = new AtomicLong();
  private volatile long lastNanos;

  void processed() {
    long now = System.nanoTime();
    firstNanos.compareAndSet(0, now);
    lastNanos = now;
    count.incrementAndGet();
  }

  long count() {
    return count.get();
  }

  /** Seconds from the first record processed to the last. */
  double seconds() {
    return (lastNanos - firstNanos.get()) / 1e9;
  }
}

package org.kalamdb.kafka;

/**
 * The peaks of one harness case over its samples: memtables, cache, accounted memory (see {@link
 * StateMemory#accounted}) and resident set size. Fed from one thread, read after it stopped.
 */
final class Peaks {
  private final boolean chargedCache;
  long memtables;
  long cache;
  long accounted;
  long rss;
  long samples;

  Peaks(boolean chargedCache) {
    this.chargedCache = chargedCache;
  }

  void add(StateMemory memory, long rssBytes) {
    memtables = Math.max(memtables, memory.memtables());
    cache = Math.max(cache, memory.cache());
    accounted = Math.max(accounted, memory.accounted(chargedCache));
    rss = Math.max(rss, rssBytes);
    samples++;
  }
}

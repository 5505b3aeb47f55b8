package org.kalamdb.report;

/**
 * The parts of a store's accounted memory: the key each has in a report's {@link
 * StoreRecord#components()} and the words people read for it. The budget failure message (in the
 * JUnit extension) and the page both take their words from here, so a component is named the same
 * wherever it is shown.
 */
public enum MemoryComponent {
  /** Every memtable of the store, unflushed and pinned ones included. */
  MEMTABLES("memtables", "memtables"),
  /** The block cache without the memtables' reservations in it. */
  BLOCK_CACHE("blockCache", "block cache"),
  /** Index and filter memory of open SST readers outside the cache. */
  TABLE_READERS("tableReaders", "table readers"),
  /** A memory store's files. */
  IN_MEMORY_FILES("inMemoryFiles", "in-memory files");

  private final String key;
  private final String words;

  MemoryComponent(String key, String words) {
    this.key = key;
    this.words = words;
  }

  /** Its key in a report, e.g. {@code blockCache}. */
  public String key() {
    return key;
  }

  /** What people read, e.g. {@code block cache}. */
  public String words() {
    return words;
  }

  /**
   * The words for a report's component {@code key}; a key this version does not know (a report
   * written by another one) is shown as it is.
   */
  public static String words(String key) {
    for (MemoryComponent component : values()) {
      if (component.key.equals(key)) {
        return component.words;
      }
    }
    return key;
  }
}

package org.kalamdb.store;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Memory a store uses by RocksDB's own accounting, in bytes, at one moment. An immutable value;
 * built by {@link MemoryAccountant}.
 *
 * <p>What {@link #total()} counts: every memtable (active, immutable and pinned ones), the shared
 * block cache once, and the memory of SST readers kept outside the cache. In hard-cap mode the
 * cache also holds the write buffer manager's reservations for the memtables; those are taken out
 * of the cache figure so memtable memory is counted once. Not counted: the JVM, the allocator's
 * fragmentation and free lists, RocksDB's table cache of open files and other small fixed costs;
 * compare with process RSS for those.
 *
 * @param memTableActiveBytes active memtables of every column family ({@code
 *     rocksdb.cur-size-active-mem-table})
 * @param memTableUnflushedBytes active and unflushed immutable memtables ({@code
 *     rocksdb.cur-size-all-mem-tables})
 * @param memTableTotalBytes all memtables, pinned ones included ({@code
 *     rocksdb.size-all-mem-tables}), the sum of {@link #memTableBytesByColumnFamily()}
 * @param blockCacheBytes usage of the block cache, counted once (in hard-cap mode including the
 *     memtable reservations)
 * @param blockCachePinnedBytes the part of the cache pinned by readers (and, in hard-cap mode, by
 *     the memtable reservations)
 * @param tableReadersBytes index and filter memory of open SST readers outside the cache ({@code
 *     rocksdb.estimate-table-readers-mem})
 * @param memTableChargedToCacheBytes cache reservations made for memtables by a write buffer
 *     manager that charges the cache; subtracted once in {@link #total()} so memtables are not
 *     counted twice. RocksDB publishes no live figure for it (see {@link MemoryAccountant}), so it
 *     is {@code min(blockCacheBytes, memTableTotalBytes)}: reservations are at least the memtable
 *     memory, so this never subtracts too much and the total errs high, never low
 * @param memTableBytesByColumnFamily {@code rocksdb.size-all-mem-tables} per column family name
 * @param inMemoryFileBytes for a store kept in memory ({@link Storage#MEMORY}), the memory its
 *     files hold: every SST file of every column family, live or not yet deleted ({@code
 *     rocksdb.total-sst-files-size}), the write-ahead log files ({@code getSortedWalFiles}) and the
 *     MANIFEST ({@code getLiveFiles}); not counted are the OPTIONS files and the info log, a few KB
 *     each. {@code 0} on disk. Not part of {@link #total()}, which is what RocksDB's budget counts;
 *     {@link #totalWithInMemoryFiles()} adds it
 */
public record MemoryUsage(
    long memTableActiveBytes,
    long memTableUnflushedBytes,
    long memTableTotalBytes,
    long blockCacheBytes,
    long blockCachePinnedBytes,
    long tableReadersBytes,
    long memTableChargedToCacheBytes,
    Map<String, Long> memTableBytesByColumnFamily,
    long inMemoryFileBytes) {

  /** No memory at all, the starting point of a peak. */
  public static final MemoryUsage NONE = new MemoryUsage(0, 0, 0, 0, 0, 0, 0, Map.of(), 0);

  /** Copies the map so the value stays immutable. */
  public MemoryUsage {
    memTableBytesByColumnFamily = Map.copyOf(memTableBytesByColumnFamily);
  }

  /**
   * A usage without in-memory files ({@link #inMemoryFileBytes()} {@code 0}), as of a store on
   * disk; the constructor of the releases before {@link Storage} existed.
   */
  public MemoryUsage(
      long memTableActiveBytes,
      long memTableUnflushedBytes,
      long memTableTotalBytes,
      long blockCacheBytes,
      long blockCachePinnedBytes,
      long tableReadersBytes,
      long memTableChargedToCacheBytes,
      Map<String, Long> memTableBytesByColumnFamily) {
    this(
        memTableActiveBytes,
        memTableUnflushedBytes,
        memTableTotalBytes,
        blockCacheBytes,
        blockCachePinnedBytes,
        tableReadersBytes,
        memTableChargedToCacheBytes,
        memTableBytesByColumnFamily,
        0);
  }

  /** {@link #total()} plus {@link #inMemoryFileBytes()}: all the memory a memory store holds. */
  public long totalWithInMemoryFiles() {
    return total() + inMemoryFileBytes;
  }

  /** Everything accounted, the shared cache counted once. */
  public long total() {
    return memTableTotalBytes
        + Math.max(0, blockCacheBytes - memTableChargedToCacheBytes)
        + tableReadersBytes;
  }

  /** The block cache without the memtable reservations: cached blocks and other charges. */
  public long blockCacheExcludingMemTablesBytes() {
    return Math.max(0, blockCacheBytes - memTableChargedToCacheBytes);
  }

  /**
   * The {@code n} column families with the most memtable memory, largest first (ties by name), as
   * name to bytes in that order.
   */
  public List<Map.Entry<String, Long>> largestColumnFamilies(int n) {
    return memTableBytesByColumnFamily.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(Math.max(0, n))
        .map(e -> Map.entry(e.getKey(), e.getValue()))
        .collect(Collectors.toList());
  }

  /**
   * One line for people, e.g. {@code total 13.8 MB: memtables 12.3 MB (unflushed 10.1 MB), block
   * cache 1.2 MB (pinned 0.1 MB), table readers 0.3 MB; largest CFs: orders 4.1 MB, users 2.0 MB}.
   * The block cache figure excludes memtable reservations, so the parts add up to the total. A
   * usage with in-memory files (a memory store) adds them after the total's parts, outside it:
   * {@code ..., table readers 0.3 MB; in-memory files 5.2 MB (not in the total); largest CFs: ...}.
   */
  public String describe() {
    return describe(name -> null);
  }

  /**
   * Like {@link #describe()}, each listed column family followed by {@code (profile P)} where
   * {@code profileOf} gives one (not {@code null}); {@link KalamStore#describe} uses it.
   */
  String describe(Function<String, String> profileOf) {
    StringBuilder text = new StringBuilder();
    text.append("total ")
        .append(mb(total()))
        .append(": memtables ")
        .append(mb(memTableTotalBytes))
        .append(" (unflushed ")
        .append(mb(memTableUnflushedBytes))
        .append("), block cache ")
        .append(mb(blockCacheExcludingMemTablesBytes()))
        .append(" (pinned ")
        .append(mb(Math.max(0, blockCachePinnedBytes - memTableChargedToCacheBytes)))
        .append("), table readers ")
        .append(mb(tableReadersBytes));
    if (inMemoryFileBytes > 0) {
      text.append("; in-memory files ").append(mb(inMemoryFileBytes)).append(" (not in the total)");
    }
    List<Map.Entry<String, Long>> largest = largestColumnFamilies(3);
    if (!largest.isEmpty()) {
      text.append("; largest CFs: ")
          .append(
              largest.stream()
                  .map(
                      e ->
                          e.getKey()
                              + " "
                              + mb(e.getValue())
                              + profileSuffix(profileOf, e.getKey()))
                  .collect(Collectors.joining(", ")));
    }
    return text.toString();
  }

  private static String profileSuffix(Function<String, String> profileOf, String columnFamily) {
    String profile = profileOf.apply(columnFamily);
    return profile == null ? "" : " (profile " + profile + ")";
  }

  /** Bytes as MB (2^20) with one decimal, the unit of the config file. */
  public static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1 << 20));
  }
}

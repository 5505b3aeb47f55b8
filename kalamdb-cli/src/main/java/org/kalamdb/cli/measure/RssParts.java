package org.kalamdb.cli.measure;

/**
 * Where one run's RSS growth went, measured in the worker, at the sample where RSS was highest.
 * {@code growth = library + jvm + accounted + unaccountedAtOpen + rest}.
 *
 * @param growthBytes highest RSS minus RSS before anything of RocksDB was loaded
 * @param libraryBytes loading {@code librocksdbjni} (its code and data pages), less the JVM's own
 *     growth meanwhile
 * @param jvmBytes the JVM's own committed memory (Native Memory Tracking) at the end of the phase
 *     of the peak, minus before: classes, code, thread stacks, GC structures
 * @param accountedBytes RocksDB's accounted total at the peak sample (memtables + cache + table
 *     readers)
 * @param unaccountedAtOpenBytes native memory the empty store took at open beyond its accounting
 *     and the JVM's: per column family structures, background threads, the LOG file's buffers
 * @param restBytes what is left: the allocator's slack (freed memory it keeps, fragmentation) and
 *     RocksDB's unaccounted memory that grows with data (file metadata, iterators, compaction
 *     buffers); may be negative when RSS lags the accounting
 * @param keptAfterCloseBytes RSS after the store closed minus RSS after the library loaded, less
 *     the JVM's growth: memory the allocator kept after RocksDB freed everything
 */
record RssParts(
    long growthBytes,
    long libraryBytes,
    long jvmBytes,
    long accountedBytes,
    long unaccountedAtOpenBytes,
    long restBytes,
    long keptAfterCloseBytes) {}

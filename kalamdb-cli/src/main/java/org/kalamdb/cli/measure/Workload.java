package org.kalamdb.cli.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.kalamdb.store.KalamStore;
import org.kalamdb.store.MemoryUsage;
import org.kalamdb.store.NativeAllocator;
import org.rocksdb.RocksDB;

/**
 * One measured run in a worker JVM: opens the store ({@link KalamStore#openWithRocksDbDefaults} for
 * the RocksDB-defaults profile, {@link KalamStore#open} from the configuration otherwise), writes
 * {@code mbPerColumnFamily} MB of random (incompressible) values to every column family, reads
 * every value back and compares it, and samples RocksDB's accounting (through the store's own
 * accounting and peak) and the process RSS along the way.
 *
 * <p>Writes go round-robin over the column families, one value each in turn, so every memtable
 * fills at the same time: the many-tables case the seed worried about, and the worst case for
 * memory. Each value is derived from a seed of (column family, index), so reads can check it
 * without keeping a copy. Keys are 16 bytes, column family and index (scrambled for {@link
 * KeyOrder#RANDOM}), big-endian; see {@link KeyOrder}.
 */
final class Workload {

  /** Accounting and RSS are sampled after every MB written in total, and after each phase. */
  static final long SAMPLE_EVERY_BYTES = 1 << 20;

  private final WorkerRequest request;
  // The highest RSS sample and RocksDB's accounted total at that sample.
  private long rssPeak = -1;
  private long accountedAtRssPeak;
  private boolean peakInWritePhase;

  Workload(WorkerRequest request) {
    this.request = request;
  }

  WorkerResult run() {
    Path dir = Path.of(request.directory());
    List<String> names = new ArrayList<>();
    for (int i = 0; i < request.columnFamilies(); i++) {
      names.add(String.format("table_%03d", i));
    }
    Checkpoint before = Checkpoint.now(0);
    RocksDB.loadLibrary();
    Checkpoint loaded = Checkpoint.now(0);
    long start = System.nanoTime();
    long written;
    double writeSeconds;
    long read;
    double readSeconds;
    long sstFiles;
    MemoryUsage peak;
    Checkpoint opened;
    Checkpoint afterWrites;
    Checkpoint afterReads;
    try (KalamStore store = open(dir, names)) {
      opened = Checkpoint.now(store.memoryUsage().total());
      sample(store, true);
      long writeStart = System.nanoTime();
      written = write(store, names);
      writeSeconds = (System.nanoTime() - writeStart) / 1e9;
      sample(store, true);
      afterWrites = Checkpoint.now(0);
      long readStart = System.nanoTime();
      read = readAndVerify(store, names);
      readSeconds = (System.nanoTime() - readStart) / 1e9;
      sample(store, false);
      afterReads = Checkpoint.now(0);
      sstFiles = countSstFiles(dir);
      // The store samples after every MB written, every 100 ms in the background, and whenever
      // memoryUsage() is called, so its peak includes every sample taken here too.
      peak = store.peakMemoryUsage();
    }
    Checkpoint closed = Checkpoint.now(0);
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    RssParts parts =
        rssParts(before, loaded, opened, peakInWritePhase ? afterWrites : afterReads, closed);
    return new WorkerResult(
        request.profile().id(),
        request.columnFamilies(),
        true,
        null,
        peak.total(),
        peak.memTableTotalBytes(),
        Math.max(0, peak.blockCacheBytes() - peak.memTableChargedToCacheBytes()),
        peak.tableReadersBytes(),
        before.rss < 0 || rssPeak < 0 ? null : Math.max(0, rssPeak - before.rss),
        written,
        writeSeconds > 0 ? written / 1048576.0 / writeSeconds : 0,
        read,
        readSeconds > 0 ? written / 1048576.0 / readSeconds : 0,
        sstFiles,
        elapsedMillis,
        null,
        NativeAllocator.current().describe(),
        parts);
  }

  /** The parts of the RSS growth, or {@code null} without RSS or Native Memory Tracking figures. */
  private RssParts rssParts(
      Checkpoint before,
      Checkpoint loaded,
      Checkpoint opened,
      Checkpoint atPeak,
      Checkpoint closed) {
    if (rssPeak < 0 || !before.complete() || !atPeak.complete() || !closed.complete()) {
      return null;
    }
    long growth = rssPeak - before.rss;
    long library = loaded.nativeGrowthSince(before);
    long jvm = atPeak.jvm - before.jvm;
    long unaccountedAtOpen = opened.nativeGrowthSince(loaded) - opened.accounted;
    long rest = growth - library - jvm - accountedAtRssPeak - unaccountedAtOpen;
    return new RssParts(
        growth,
        library,
        jvm,
        accountedAtRssPeak,
        unaccountedAtOpen,
        rest,
        closed.nativeGrowthSince(loaded));
  }

  /**
   * RSS and the JVM's committed memory at a moment between phases, and RocksDB's accounted total
   * then ({@code 0} where not read). A figure the OS or JVM does not give is {@code -1}.
   */
  private record Checkpoint(long rss, long jvm, long accounted) {
    static Checkpoint now(long accounted) {
      return new Checkpoint(
          Rss.current().orElse(-1), JvmNativeMemory.committed().orElse(-1), accounted);
    }

    boolean complete() {
      return rss >= 0 && jvm >= 0;
    }

    /** RSS growth since {@code earlier} that is not the JVM's own. */
    long nativeGrowthSince(Checkpoint earlier) {
      return (rss - earlier.rss) - (jvm - earlier.jvm);
    }
  }

  private KalamStore open(Path dir, List<String> names) {
    return switch (request.profile()) {
      case DEFAULTS -> KalamStore.openWithRocksDbDefaults(dir, names);
      case SEED, CONFIG, EQUAL -> KalamStore.open(dir, request.rocksDbConfig(), names);
    };
  }

  private long write(KalamStore store, List<String> names) {
    long perCf = request.valuesPerColumnFamily();
    long written = 0;
    long sinceSample = 0;
    for (long i = 0; i < perCf; i++) {
      for (int cf = 0; cf < request.columnFamilies(); cf++) {
        byte[] key = request.keyOrder().key(cf, i);
        byte[] value = value(cf, i);
        store.put(names.get(cf), key, value);
        written += key.length + value.length;
        sinceSample += key.length + value.length;
        if (sinceSample >= SAMPLE_EVERY_BYTES) {
          sample(store, true);
          sinceSample = 0;
        }
      }
    }
    return written;
  }

  private long readAndVerify(KalamStore store, List<String> names) {
    long perCf = request.valuesPerColumnFamily();
    long read = 0;
    for (int cf = 0; cf < request.columnFamilies(); cf++) {
      for (long i = 0; i < perCf; i++) {
        byte[] actual = store.get(names.get(cf), request.keyOrder().key(cf, i));
        if (actual == null || !Arrays.equals(actual, value(cf, i))) {
          throw new IllegalStateException(
              "value "
                  + i
                  + " of column family "
                  + cf
                  + (actual == null ? " is missing" : " differs"));
        }
        read++;
      }
    }
    return read;
  }

  /** RSS now, and an accounting sample the store records towards its peak. */
  private void sample(KalamStore store, boolean writePhase) {
    long accounted = store.memoryUsage().total();
    OptionalLong rss = Rss.current();
    if (rss.isPresent() && rss.getAsLong() > rssPeak) {
      rssPeak = rss.getAsLong();
      accountedAtRssPeak = accounted;
      peakInWritePhase = writePhase;
    }
  }

  byte[] value(int columnFamily, long index) {
    byte[] value = new byte[request.valueBytes()];
    new SplittableRandom(columnFamily * 0x9E3779B97F4A7C15L + index).nextBytes(value);
    return value;
  }

  static long countSstFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".sst")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.kalamdb.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/** Writes incompressible values round-robin into column families, like tables filling together. */
final class Workload {

  static final int MB = 1 << 20;

  private final byte[] pool = new byte[4 * MB];
  private final SplittableRandom random = new SplittableRandom(42);
  private final int minValue;
  private final int maxValue;

  Workload(int minValueBytes, int maxValueBytes) {
    this.minValue = minValueBytes;
    this.maxValue = maxValueBytes;
    for (int i = 0; i < pool.length; i += 8) {
      ByteBuffer.wrap(pool, i, 8).putLong(random.nextLong());
    }
  }

  static List<String> names(String prefix, int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(prefix + i);
    }
    return names;
  }

  /** A random slice of the random pool: as incompressible as fresh random bytes, much cheaper. */
  byte[] value() {
    int size = random.nextInt(minValue, maxValue + 1);
    int from = random.nextInt(pool.length - size);
    return Arrays.copyOfRange(pool, from, from + size);
  }

  static byte[] key(long n) {
    return ByteBuffer.allocate(8).putLong(n).array();
  }

  /**
   * Writes {@code bytesPerFamily} (or just over) to each family, one value per family per round.
   */
  void fill(KalamStore store, List<String> families, long bytesPerFamily) {
    long[] written = new long[families.size()];
    boolean more = true;
    for (long round = 0; more; round++) {
      more = false;
      byte[] key = key(round);
      for (int i = 0; i < written.length; i++) {
        if (written[i] < bytesPerFamily) {
          byte[] value = value();
          store.put(families.get(i), key, value);
          written[i] += value.length;
          more = true;
        }
      }
    }
  }

  static long sstFiles(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".sst")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.kalamdb.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.kalamdb.config.RocksDbConfig;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.MutableColumnFamilyOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * Hard-cap mode: the column family count each open family's arena block was sized for, and which
 * families to resize as the count grows. Resizing one family rewrites RocksDB's OPTIONS file, whose
 * size grows with the family count, so resizing all of them at once costs O(n^2) (measured 69.6 s
 * at 511 families). Instead each creation resizes the {@value #PER_CREATION} stalest families: over
 * the creations from n/2 to n families that is n resizes for fewer than n/2 families sized for less
 * than n/2, so every family stays sized for at least half the live count (its block at most twice
 * the block for that count, all first blocks together under half the limit) without a batch. The
 * half rule is also enforced directly, should drops and creations ever outrun the steady pace.
 * Thread safe.
 */
final class ArenaSizes {

  /** Families resized per creation beyond those the half rule forces. */
  static final int PER_CREATION = 2;

  /** A family and the count its block was last sized for. */
  record Sized(String name, int count) {}

  private final PriorityQueue<Sized> stalestFirst =
      new PriorityQueue<>(Comparator.comparingInt(Sized::count));

  /** Records that {@code name}'s arena block is now sized for {@code count} families. */
  synchronized void sized(String name, int count) {
    stalestFirst.removeIf(s -> s.name().equals(name));
    stalestFirst.add(new Sized(name, count));
  }

  /** Forgets a dropped family. */
  synchronized void forget(String name) {
    stalestFirst.removeIf(s -> s.name().equals(name));
  }

  /**
   * The families to resize now that {@code count} are open, stalest first: up to {@value
   * #PER_CREATION} sized for fewer than {@code count}, and every one sized for less than half of
   * it. The caller resizes them and reports each with {@link #sized}.
   */
  synchronized List<Sized> due(int count) {
    List<Sized> taken = new ArrayList<>();
    while (!stalestFirst.isEmpty()) {
      Sized stalest = stalestFirst.peek();
      boolean forced = 2L * stalest.count() < count;
      boolean paced = taken.size() < PER_CREATION && stalest.count() < count;
      if (!forced && !paced) {
        break;
      }
      taken.add(stalestFirst.poll());
    }
    stalestFirst.addAll(taken); // still stale until the caller reports them sized
    return taken;
  }

  /**
   * Resizes the arena blocks {@link #due} names for the {@code handles.size()} live families: a few
   * per creation, never all at once (each resize rewrites the OPTIONS file, which lists every
   * family). Without resizing, the first blocks of the old families alone approach the cap and
   * flushes storm (measured: growing from 6 to 200 families without it left 16,000 SST files). The
   * caller holds the store's read lock, after a creation; no other creation can run until it is
   * released.
   */
  void resizeStale(RocksDbConfig config, RocksDB db, Map<String, ColumnFamilyHandle> handles)
      throws RocksDBException {
    int count = handles.size();
    long target = RocksDbOptions.arenaBlockSize(config, count);
    for (Sized stale : due(count)) {
      ColumnFamilyHandle handle = handles.get(stale.name());
      // One its user closed cannot be changed any more; an unchanged size needs no OPTIONS write.
      if (handle.isOwningHandle()
          && RocksDbOptions.arenaBlockSize(config, stale.count()) != target) {
        db.setOptions(
            handle, MutableColumnFamilyOptions.builder().setArenaBlockSize(target).build());
      }
      sized(stale.name(), count);
    }
  }
}

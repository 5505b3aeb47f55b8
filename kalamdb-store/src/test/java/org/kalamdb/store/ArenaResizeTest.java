package org.kalamdb.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.config.RocksDbConfig;
import org.rocksdb.RocksDBException;

/**
 * Issue 10: creating column families in a capped store resizes a few arena blocks per creation, not
 * every family's once the count doubles (an O(n^2) stall under the write lock), and still keeps
 * every block within twice the size for the live count.
 */
class ArenaResizeTest {

  private static final RocksDbConfig CAPPED = RocksDbConfig.defaults().withMemtableLimitMb(32);

  @TempDir Path dir;

  @Test
  void eachCreationResizesAtMostAFewFamilies() throws RocksDBException {
    try (KalamStore store = KalamStore.open(dir, CAPPED, List.of(), WriteAheadLog.DISABLED)) {
      for (int count = 2; count <= 34; count++) {
        Map<String, Long> before = arenaBlocks(store);
        store.createColumnFamily("t" + count);
        Map<String, Long> after = arenaBlocks(store);
        long resized =
            before.keySet().stream().filter(n -> !before.get(n).equals(after.get(n))).count();
        assertThat(resized).as("families resized by creation %d", count).isLessThanOrEqualTo(2);
        assertWithinTwiceTheBlockFor(after, count);
      }
    }
  }

  @Test
  void blocksStayWithinTwiceTheSizeAcrossDropsAndCreations() throws RocksDBException {
    try (KalamStore store = KalamStore.open(dir, CAPPED, List.of(), WriteAheadLog.DISABLED)) {
      for (int i = 1; i < 20; i++) {
        store.createColumnFamily("a" + i);
      }
      for (int i = 1; i < 16; i++) {
        store.dropColumnFamily("a" + i);
      }
      for (int i = 1; i < 30; i++) {
        store.createColumnFamily("b" + i);
        Map<String, Long> blocks = arenaBlocks(store);
        assertWithinTwiceTheBlockFor(blocks, blocks.size());
      }
    }
  }

  private static void assertWithinTwiceTheBlockFor(Map<String, Long> blocks, int count) {
    assertThat(blocks).hasSize(count);
    long halfCountBlock = RocksDbOptions.arenaBlockSize(CAPPED, (count + 1) / 2);
    assertThat(blocks.values())
        .as("arena blocks at %d families", count)
        .allMatch(b -> b <= halfCountBlock);
  }

  private static Map<String, Long> arenaBlocks(KalamStore store) throws RocksDBException {
    Map<String, Long> blocks = new HashMap<>();
    for (String name : store.columnFamilyNames()) {
      blocks.put(name, store.db().getOptions(store.columnFamily(name)).arenaBlockSize());
    }
    return blocks;
  }
}

package org.kalamdb.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.config.RocksDbConfig;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;

/** {@link KalamStore}'s public API on real stores, one behaviour per test. */
class KalamStoreApiTest {

  @TempDir Path dir;

  private static byte[] b(String s) {
    return s.getBytes(UTF_8);
  }

  private KalamStore open(String... families) {
    return KalamStore.open(dir, RocksDbConfig.defaults(), List.of(families));
  }

  @Test
  void putGetDeleteByColumnFamily() {
    try (KalamStore store = open("users", "orders")) {
      store.put("users", b("k"), b("alice"));
      store.put("orders", b("k"), b("o-1"));

      assertThat(store.get("users", b("k"))).isEqualTo(b("alice"));
      assertThat(store.get("orders", b("k"))).isEqualTo(b("o-1"));
      assertThat(store.get("users", b("missing"))).isNull();

      store.delete("users", b("k"));
      assertThat(store.get("users", b("k"))).isNull();
      assertThat(store.get("orders", b("k"))).isEqualTo(b("o-1"));
    }
  }

  @Test
  void createsTheDirectoryAndTheDefaultFamilyIsAddressable() {
    Path nested = dir.resolve("a/b");
    try (KalamStore store = KalamStore.open(nested, RocksDbConfig.defaults(), List.of())) {
      assertThat(store.columnFamilyNames()).containsExactly("default");
      store.put("default", b("k"), b("v"));
      assertThat(store.get("default", b("k"))).isEqualTo(b("v"));
      assertThat(store.directory()).isEqualTo(nested);
      assertThat(store.config()).isEqualTo(RocksDbConfig.defaults());
      assertThat(store.db().getName()).isEqualTo(nested.toString());
    }
    assertThat(Files.exists(nested.resolve("CURRENT"))).isTrue();
  }

  @Test
  void scanVisitsAllKeysInOrderAndPrefixScanOnlyMatches() {
    try (KalamStore store = open("t")) {
      for (String key : List.of("b2", "a1", "b1", "c1", "b")) {
        store.put("t", b(key), b("v-" + key));
      }
      List<String> all = new ArrayList<>();
      store.scan("t", (k, v) -> all.add(new String(k, UTF_8) + "=" + new String(v, UTF_8)));
      assertThat(all).containsExactly("a1=v-a1", "b=v-b", "b1=v-b1", "b2=v-b2", "c1=v-c1");

      List<String> prefixed = new ArrayList<>();
      store.scanPrefix("t", b("b"), (k, v) -> prefixed.add(new String(k, UTF_8)));
      assertThat(prefixed).containsExactly("b", "b1", "b2");

      List<String> none = new ArrayList<>();
      store.scanPrefix("t", b("z"), (k, v) -> none.add(new String(k, UTF_8)));
      assertThat(none).isEmpty();
    }
  }

  @Test
  void createAndDropColumnFamiliesAtRunTime() {
    try (KalamStore store = open("users")) {
      store.createColumnFamily("t42");
      store.put("t42", b("k"), b("v"));
      assertThat(store.columnFamilyNames()).containsExactly("default", "users", "t42");

      ColumnFamilyHandle handle = store.columnFamily("t42");
      store.dropColumnFamily("t42");

      assertThat(handle.isOwningHandle()).isFalse();
      assertThat(store.columnFamilyNames()).containsExactly("default", "users");
      assertThatThrownBy(() -> store.get("t42", b("k")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unknown column family 't42'");
      assertThatThrownBy(() -> store.put("t42", b("k"), b("v")))
          .isInstanceOf(IllegalArgumentException.class);

      store.createColumnFamily("t42");
      assertThat(store.get("t42", b("k"))).as("a re-created family starts empty").isNull();
    }
  }

  @Test
  void createAndDropRejectBadRequests() {
    try (KalamStore store = open("users")) {
      assertThatThrownBy(() -> store.createColumnFamily("users"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'users' already exists");
      assertThatThrownBy(() -> store.createColumnFamily(""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("non-empty");
      assertThatThrownBy(() -> store.dropColumnFamily("nope"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unknown column family 'nope'");
      assertThatThrownBy(() -> store.dropColumnFamily("default"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("default column family cannot be dropped");
    }
  }

  @Test
  void reopenFindsDataAndFamiliesCreatedAtRunTimeEvenWhenNotListed() {
    try (KalamStore store = open("users")) {
      store.put("users", b("k"), b("alice"));
      store.createColumnFamily("t7");
      store.put("t7", b("k"), b("seven"));
    }
    try (KalamStore store = open("orders")) {
      assertThat(store.columnFamilyNames())
          .containsExactlyInAnyOrder("default", "orders", "users", "t7");
      assertThat(store.get("users", b("k"))).isEqualTo(b("alice"));
      assertThat(store.get("t7", b("k"))).isEqualTo(b("seven"));
    }
  }

  @Test
  void unloggedWritesSurviveACleanClose() {
    try (KalamStore store =
        KalamStore.open(dir, RocksDbConfig.defaults(), List.of("t"), WriteAheadLog.DISABLED)) {
      store.put("t", b("k"), b("v"));
    }
    try (KalamStore store = open("t")) {
      assertThat(store.get("t", b("k"))).isEqualTo(b("v"));
    }
  }

  @Test
  void badNamesAreRejectedBeforeAnythingIsOpened() {
    RocksDbConfig config = RocksDbConfig.defaults();
    assertThatThrownBy(() -> KalamStore.open(dir, config, Arrays.asList("a", null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-empty string, got null");
    assertThatThrownBy(() -> KalamStore.open(dir, config, List.of("a", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("non-empty string, got \"\"");
    assertThatThrownBy(() -> KalamStore.open(dir, config, List.of("a", "b", "a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("duplicate column family name 'a'");
    assertThatThrownBy(() -> KalamStore.open(dir, config, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(dir.resolve("CURRENT")).doesNotExist();
  }

  @Test
  void unknownColumnFamilyNamesTheKnownOnes() {
    try (KalamStore store = open("users", "orders")) {
      assertThatThrownBy(() -> store.put("user", b("k"), b("v")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("unknown column family 'user'; known: default, users, orders");
      assertThatThrownBy(() -> store.columnFamily("x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("known: default, users, orders");
      assertThatThrownBy(() -> store.scan("x", (k, v) -> {}))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void openFailureIsAStoreExceptionAndLeavesTheStoreUsable() {
    try (KalamStore first = open("t")) {
      first.put("t", b("k"), b("v"));
      // RocksDB's lock file refuses a second open of the same directory in this process.
      assertThatThrownBy(() -> open("t"))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("cannot open store at " + dir);
      assertThat(first.get("t", b("k"))).isEqualTo(b("v"));
    }
    try (KalamStore again = open("t")) {
      assertThat(again.get("t", b("k"))).isEqualTo(b("v"));
    }
  }

  @Test
  void openOnAFileIsAStoreException() throws Exception {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    assertThatThrownBy(() -> KalamStore.open(file, RocksDbConfig.defaults(), List.of()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString());
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  @Test
  void everyCallAfterCloseThrowsIllegalState() {
    KalamStore store = open("t");
    store.close();
    assertThat(store.isClosed()).isTrue();
    List<Runnable> calls =
        List.of(
            () -> store.put("t", b("k"), b("v")),
            () -> store.get("t", b("k")),
            () -> store.delete("t", b("k")),
            () -> store.scan("t", (k, v) -> {}),
            () -> store.flush(),
            () -> store.createColumnFamily("x"),
            () -> store.dropColumnFamily("t"),
            () -> store.columnFamilyNames(),
            () -> store.memoryUsage(),
            () -> store.peakMemoryUsage(),
            () -> store.resetPeak(),
            () -> store.db(),
            () -> store.columnFamily("t"));
    for (Runnable call : calls) {
      assertThatThrownBy(call::run)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("store " + dir + " is closed");
    }
    assertThat(store.directory()).isEqualTo(dir);
  }

  @Test
  void closeIsIdempotentAndReleasesEveryHandleOnce() {
    KalamStore store = open("a", "b");
    RocksDB db = store.db();
    List<ColumnFamilyHandle> handles =
        List.of(store.columnFamily("default"), store.columnFamily("a"), store.columnFamily("b"));
    store.close();
    store.close();
    assertThat(db.isOwningHandle()).isFalse();
    assertThat(handles).allSatisfy(h -> assertThat(h.isOwningHandle()).isFalse());
    // Closing a handle RocksJava already disowned must stay a no-op, never a double free.
    handles.forEach(ColumnFamilyHandle::close);
    db.close();
  }

  @Test
  void closeFromInsideAScanIsRefusedInsteadOfDeadlocking() {
    KalamStore store = open("t");
    try {
      store.put("t", b("k"), b("v"));
      assertThatThrownBy(() -> store.scan("t", (k, v) -> store.close()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("close called from inside a call");
      assertThatThrownBy(() -> store.scan("t", (k, v) -> store.createColumnFamily("x")))
          .isInstanceOf(IllegalStateException.class);
      // Reads and writes from inside a scan are fine.
      store.scan("t", (k, v) -> store.put("t", b("k2"), v));
      assertThat(store.get("t", b("k2"))).isEqualTo(b("v"));
      assertThat(store.isClosed()).isFalse();
    } finally {
      store.close();
    }
  }

  @Test
  void flushMovesMemtablesToSstFiles() {
    try (KalamStore store = open("t")) {
      store.put("t", b("k"), b("v"));
      assertThat(store.memoryUsage().memTableBytesByColumnFamily().get("t")).isPositive();
      long before = Workload.sstFiles(dir);
      store.flush();
      assertThat(Workload.sstFiles(dir)).isGreaterThan(before);
      assertThat(store.get("t", b("k"))).isEqualTo(b("v"));
    }
  }
}

package org.kalamdb.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.config.RocksDbConfig;
import org.rocksdb.AbstractEventListener;
import org.rocksdb.FlushJobInfo;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;

/**
 * The database object a flush callback receives carries native read options nobody frees
 * (rocksdb#15036); the toolkit's listener frees them before it returns, so flushes leak nothing.
 */
class CallbackDatabasesTest {

  @TempDir Path dir;

  /** Keeps what a real flush callback received, without freeing anything. */
  private static final class Keeper extends AbstractEventListener {
    final List<RocksDB> databases = new ArrayList<>();
    final List<FlushJobInfo> infos = new ArrayList<>();

    Keeper() {
      super(EnabledEventCallback.ON_FLUSH_BEGIN, EnabledEventCallback.ON_FLUSH_COMPLETED);
    }

    @Override
    public synchronized void onFlushBegin(RocksDB db, FlushJobInfo info) {
      databases.add(db);
      infos.add(info);
    }

    @Override
    public synchronized void onFlushCompleted(RocksDB db, FlushJobInfo info) {
      databases.add(db);
      infos.add(info);
    }
  }

  @Test
  void theOptionsListenerFreesWhatTheCallbackAllocated() throws Exception {
    RocksDB.loadLibrary();
    RocksDbConfig capped = RocksDbConfig.defaults().withMemtableLimitMb(4);
    Keeper keeper = new Keeper();
    try (RocksDbOptions options = RocksDbOptions.from(capped);
        Options plain = new Options().setCreateIfMissing(true).setListeners(List.of(keeper));
        RocksDB db = RocksDB.open(plain, dir.toString());
        FlushOptions wait = new FlushOptions().setWaitForFlush(true)) {
      db.put("k".getBytes(StandardCharsets.UTF_8), new byte[64]);
      db.flush(wait);
      List<RocksDB> received;
      synchronized (keeper) {
        received = List.copyOf(keeper.databases);
      }
      assertThat(received).hasSize(2);
      assertThat(readOptionsOf(received.get(0)).isOwningHandle())
          .as("the binding's allocation, left to whoever received the object")
          .isTrue();

      FlushSampling.FullMemtableListener listener = listenerOf(options);
      listener.onFlushBegin(received.get(0), keeper.infos.get(0));
      listener.onFlushCompleted(received.get(1), keeper.infos.get(1));

      assertThat(readOptionsOf(received.get(0)).isOwningHandle()).isFalse();
      assertThat(readOptionsOf(received.get(1)).isOwningHandle()).isFalse();
      assertThat(db.get("k".getBytes(StandardCharsets.UTF_8))).hasSize(64);
    }
  }

  static ReadOptions readOptionsOf(RocksDB db) throws ReflectiveOperationException {
    Field field = RocksDB.class.getDeclaredField("defaultReadOptions_");
    field.setAccessible(true);
    return (ReadOptions) field.get(db);
  }

  private static FlushSampling.FullMemtableListener listenerOf(RocksDbOptions options) {
    return options.dbOptions().listeners().stream()
        .filter(FlushSampling.FullMemtableListener.class::isInstance)
        .map(FlushSampling.FullMemtableListener.class::cast)
        .findFirst()
        .orElseThrow();
  }
}

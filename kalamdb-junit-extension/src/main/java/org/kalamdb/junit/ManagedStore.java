package org.kalamdb.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.kalamdb.store.KalamStore;
import org.kalamdb.store.MemoryUsage;
import org.kalamdb.store.PeakRecorder;
import org.kalamdb.store.Storage;
import org.kalamdb.store.WriteAheadLog;
import org.rocksdb.RocksDB;

/**
 * One temporary store of a test: the open {@link KalamStore}, its directory, its settings, and
 * whether a test that could use it failed (which decides cleanup in {@code on_success} mode).
 */
final class ManagedStore implements TestResource {
  private final StoreDeclaration declaration;
  private final StoreSettings settings;
  private final CleanupMode cleanup;
  private final Path directory;
  private final KalamStore store;
  private final PeakRecorder recorder;
  private final JvmStores.Entry live;
  private final LastingStalls stalls;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Column families at the last look while open: a closed store is judged with this count. */
  private volatile int columnFamilyCount;

  /** Set when a test starts with the store already closed: nothing of it is judged then. */
  private volatile boolean closedBeforeTest;

  private volatile boolean failed;

  private ManagedStore(
      StoreDeclaration declaration,
      StoreSettings settings,
      CleanupMode cleanup,
      Path directory,
      KalamStore store,
      JvmStores.Owner owner) {
    this.declaration = declaration;
    this.settings = settings;
    this.cleanup = cleanup;
    this.directory = directory;
    this.store = store;
    // The extension's own high-water mark: fed by every sample of the store, close()'s last one
    // included, and untouched by the test's store.resetPeak().
    this.recorder = store.recordPeaks();
    this.columnFamilyCount = settings.columnFamilies().size() + 1;
    this.stalls = new LastingStalls("store '" + declaration.name() + "'", store::lastingStalls);
    // In the JVM-wide sum until closed, by the extension or by its user (through the store or
    // db().close(): isOwningHandle() reads a Java field, RocksDB is not called).
    RocksDB db = store.db();
    this.live =
        JvmStores.jvm()
            .register(
                "store '" + declaration.name() + "'",
                owner,
                store.recordPeaks(),
                () -> store.isClosed() || !db.isOwningHandle());
  }

  /**
   * Creates a fresh directory under the base directory and opens a store in it (a memory store gets
   * a fresh name there instead, and nothing on disk), owned by {@code owner} in the JVM-wide
   * registry.
   */
  static ManagedStore open(
      StoreDeclaration declaration,
      StoreSettings settings,
      RunParameters parameters,
      JvmStores.Owner owner) {
    boolean inMemory = settings.storage() == Storage.MEMORY;
    Path directory =
        inMemory
            ? TempDirectories.inMemory(declaration.name(), parameters)
            : TempDirectories.create(
                declaration.name(), "store '" + declaration.name() + "'", parameters);
    try {
      KalamStore store =
          KalamStore.open(
              directory,
              settings.config().config(),
              settings.columnFamilies(),
              WriteAheadLog.ENABLED,
              settings.storage());
      return new ManagedStore(declaration, settings, parameters.cleanup(), directory, store, owner);
    } catch (RuntimeException e) {
      ExtensionConfigurationException failure =
          new ExtensionConfigurationException(
              "cannot open store '"
                  + declaration.name()
                  + "' ("
                  + declaration.description()
                  + ") with config "
                  + settings.config().file()
                  + " and column families "
                  + ColumnFamilyNames.quoted(settings.columnFamilies())
                  + (inMemory ? ", storage memory" : "")
                  + ": "
                  + e.getMessage(),
              e);
      try {
        TempDirectories.deleteTree(directory);
      } catch (IOException deletion) {
        failure.addSuppressed(deletion);
      }
      throw failure;
    }
  }

  KalamStore store() {
    return store;
  }

  String name() {
    return declaration.name();
  }

  StoreDeclaration declaration() {
    return declaration;
  }

  StoreSettings settings() {
    return settings;
  }

  Path directory() {
    return directory;
  }

  /** Notes that a test that could use this store failed. */
  @Override
  public void markFailed() {
    failed = true;
  }

  /**
   * Starts a new peak measurement, for the next test: the store's own peak, so that {@link
   * KalamStore#peakMemoryUsage()} in a test covers that test, and then the extension's recorder,
   * from the fresh sample that reset took. A store an earlier test closed is left alone: a later
   * test that does not use it must not fail for it, and one that does gets the store's own "is
   * closed" error.
   */
  void resetPeak() {
    try {
      store.resetPeak();
      columnFamilyCount = store.columnFamilyNames().size();
      closedBeforeTest = false;
    } catch (IllegalStateException closedByATest) {
      closedBeforeTest = true;
    }
    recorder.reset();
    stalls.testStarted();
  }

  /** The lasting write stalls under the store's cap since the current test began. */
  LastingStalls lastingStalls() {
    return stalls;
  }

  /**
   * The highest accounted memory since the last reset, by the extension's recorder. An open store
   * takes one more sample first, so that a store whose background sampler had no chance to run
   * still reports what it holds now; a store the test closed was sampled a last time inside its
   * close().
   */
  MemoryUsage peak() {
    return peak(false);
  }

  /**
   * Like {@link #peak()}; with {@code withInMemoryFiles}, the sample that was highest counting a
   * memory store's files too ({@link PeakRecorder#peakWithInMemoryFiles()}).
   */
  MemoryUsage peak(boolean withInMemoryFiles) {
    if (closedBeforeTest) {
      return MemoryUsage.NONE;
    }
    try {
      store.memoryUsage();
      columnFamilyCount = store.columnFamilyNames().size();
    } catch (IllegalStateException closedByTheTest) {
      // Through the store's API only, which refuses after close: no native handle is touched.
    }
    return withInMemoryFiles ? recorder.peakWithInMemoryFiles() : recorder.peak();
  }

  /**
   * The column families of the store at the check, or for a store the test closed, the most seen:
   * at the last look while open, or in the peak sample.
   */
  int columnFamilyCount() {
    return Math.max(columnFamilyCount, recorder.peak().memTableBytesByColumnFamily().size());
  }

  /**
   * Closes the store (once, however often it is called) and then deletes its directory as the
   * cleanup mode says. Throws the first failure, later ones suppressed.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<RuntimeException> failures = new ArrayList<>();
    try {
      store.close();
    } catch (RuntimeException e) {
      failures.add(
          new IllegalStateException(
              "closing store '" + name() + "' in " + directory + " failed", e));
    } finally {
      recorder.close();
      live.close();
    }
    // A memory store's files went with its close; there is no directory.
    if (store.storage() == Storage.DISK && cleanup.deletes(failed)) {
      try {
        TempDirectories.deleteTree(directory);
      } catch (IOException e) {
        failures.add(
            new UncheckedIOException(
                "deleting directory " + directory + " of store '" + name() + "' failed", e));
      }
    }
    Failures.throwIfAny(failures);
  }

  @Override
  public String toString() {
    return "store '"
        + name()
        + "' in "
        + directory
        + (store.storage() == Storage.MEMORY ? " (storage memory)" : "");
  }
}

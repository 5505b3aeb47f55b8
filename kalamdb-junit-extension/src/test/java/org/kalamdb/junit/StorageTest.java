package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalamdb.junit.BudgetTest.failureOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.kalamdb.store.KalamStore;
import org.kalamdb.store.Storage;
import org.opentest4j.AssertionFailedError;

/** {@code storage = "memory"} and {@code kalamdb.store.storage}: the same tests, no disk. */
class StorageTest {
  @TempDir Path base;

  private Path stores;

  @BeforeEach
  void storesUnderTheirOwnBase() {
    stores = base.resolve("stores");
  }

  private Fixtures fixtures(String storage) {
    return Fixtures.under(stores).with("kalamdb.store.storage", storage);
  }

  /** Random bytes: flushed zeros would compress to nothing. */
  static void fillIncompressible(KalamStore store, String columnFamily, int mb) {
    byte[] value = new byte[4096];
    Random random = new Random(7);
    for (int i = 0; i < mb * 256; i++) {
      random.nextBytes(value);
      store.put(columnFamily, (columnFamily + i).getBytes(), value);
    }
  }

  /** One class for both storages: stores of every scope, a pass, an over-budget failure. */
  @Fixture
  @KalamStoreTest(columnFamilies = "orders")
  static class Everywhere {
    @TempStore static KalamStore shared;
    @TempStore KalamStore field;

    @Test
    void readsItsOwnWrites(KalamStore parameter) {
      for (KalamStore store : List.of(shared, field, parameter)) {
        store.put("orders", "k".getBytes(), "v".getBytes());
        store.flush();
        assertThat(store.get("orders", "k".getBytes())).isEqualTo("v".getBytes());
        store.createColumnFamily("t1");
        store.dropColumnFamily("t1");
      }
    }

    @Test
    void overBudget(
        @TempStore(config = "classpath:big-buffers.toml", memoryBudgetMb = 2) KalamStore big) {
      BudgetTest.fill(big, "orders", 4);
    }
  }

  @Test
  void diskAndMemoryGiveTheSameResultsAndMemoryLeavesNothingOnDisk() {
    EngineExecutionResults memory = fixtures("memory").run(Everywhere.class);
    // Memory stores never touch the base directory, not even to create it.
    assertThat(stores).doesNotExist();
    EngineExecutionResults disk = fixtures("disk").run(Everywhere.class);

    for (EngineExecutionResults results : List.of(disk, memory)) {
      results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
      results.containerEvents().assertStatistics(stats -> stats.failed(0));
    }
    String onDisk = failureOf(disk, "overBudget").getMessage();
    String inMemory = failureOf(memory, "overBudget").getMessage();
    assertThat(failureOf(memory, "overBudget")).isInstanceOf(AssertionFailedError.class);
    String common =
        "store 'overBudget\\.arg0' used \\d+\\.\\d MB at peak, over its budget of 2 MB \\(@TempStore"
            + " memoryBudgetMb\\); memtables \\d+\\.\\d MB, block cache \\d+\\.\\d MB, table"
            + " readers \\d+\\.\\d MB";
    String rest = "; largest column families: orders \\d+\\.\\d MB; config: .*big-buffers.toml";
    assertThat(onDisk).matches(Pattern.compile(common + rest));
    assertThat(inMemory)
        .matches(
            Pattern.compile(
                common
                    + "; storage memory, in-memory files \\d+\\.\\d MB \\(not in the budget\\)"
                    + rest));
    // The same class on disk: every store had a directory there, deleted after it.
    assertThat(Fixtures.under(stores).leftovers()).isEmpty();
    fixtures("disk").with("kalamdb.store.cleanup", "never").run(Everywhere.class);
    assertThat(Fixtures.under(stores).leftovers()).hasSize(5);
    Fixtures.under(base.resolve("kept"))
        .with("kalamdb.store.cleanup", "never")
        .with("kalamdb.store.storage", "memory")
        .run(Everywhere.class);
    assertThat(base.resolve("kept")).doesNotExist();
  }

  @Test
  void memoryStoresPublishTheirStorageAndFilesDiskStoresAsBefore() {
    Map<String, String> disk = entries(fixtures(null).run(Everywhere.class), "readsItsOwnWrites");
    Map<String, String> memory =
        entries(fixtures("memory").run(Everywhere.class), "readsItsOwnWrites");

    assertThat(disk.keySet())
        .containsExactlyInAnyOrder(
            "kalamdb.store.readsItsOwnWrites.arg0.peak-bytes",
            "kalamdb.store.readsItsOwnWrites.arg0.budget-bytes",
            "kalamdb.store.field.peak-bytes",
            "kalamdb.store.field.budget-bytes",
            "kalamdb.store.shared.peak-bytes",
            "kalamdb.store.shared.budget-bytes");
    assertThat(memory).containsEntry("kalamdb.store.field.storage", "memory");
    assertThat(Long.parseLong(memory.get("kalamdb.store.field.in-memory-file-bytes"))).isPositive();
    assertThat(memory.get("kalamdb.store.field.budget-bytes"))
        .isEqualTo(disk.get("kalamdb.store.field.budget-bytes"));
    assertThat(memory.keySet()).containsAll(disk.keySet()).hasSize(12);
  }

  private static Map<String, String> entries(EngineExecutionResults results, String method) {
    Map<String, String> entries = new TreeMap<>();
    results.testEvents().reportingEntryPublished().stream()
        .filter(e -> e.getTestDescriptor().getDisplayName().startsWith(method))
        .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
        .forEach(entries::putAll);
    return entries;
  }

  @Fixture
  @KalamStoreTest(storage = "memory")
  static class Precedence {
    @Test
    void classSetsMemory(KalamStore store) {
      assertThat(store.storage()).isEqualTo(Storage.MEMORY);
    }

    @Test
    @KalamStoreTest(storage = "disk")
    void methodBeatsClass(KalamStore store) {
      assertThat(store.storage()).isEqualTo(Storage.DISK);
      assertThat(store.directory()).isDirectory();
    }

    @Test
    @KalamStoreTest(storage = "disk")
    void tempStoreBeatsMethod(@TempStore(storage = "memory") KalamStore store) {
      assertThat(store.storage()).isEqualTo(Storage.MEMORY);
      assertThat(store.directory()).doesNotExist();
    }
  }

  @Fixture
  @KalamStoreTest
  static class ParameterOnly {
    @Test
    void storageOfTheParameter(KalamStore store) {
      assertThat(store.storage().id()).isEqualTo(System.getProperty("kalamdb.test.expected"));
    }
  }

  @Test
  void tempStoreBeatsTheMethodWhichBeatsTheClassWhichBeatsTheParameter() {
    fixtures("disk").run(Precedence.class).testEvents().assertStatistics(s -> s.succeeded(3));
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory", "MEMORY", " Memory ", "disk", "DISK"})
  void theParameterIsCaseInsensitiveAndDiskWithoutIt(String value) {
    for (String parameter : new String[] {value, null}) {
      String expected = parameter == null ? "disk" : parameter.strip().toLowerCase();
      System.setProperty("kalamdb.test.expected", expected);
      try {
        fixtures(parameter)
            .run(ParameterOnly.class)
            .testEvents()
            .assertStatistics(s -> s.succeeded(1));
      } finally {
        System.clearProperty("kalamdb.test.expected");
      }
    }
  }

  @Test
  void aBadParameterNamesItselfAndTheValidValues() {
    EngineExecutionResults results = fixtures("ram").run(ParameterOnly.class);

    assertThat(firstFailure(results))
        .isInstanceOf(org.junit.jupiter.api.extension.ExtensionConfigurationException.class)
        .hasMessage(
            "configuration parameter kalamdb.store.storage has the invalid value 'ram'; valid"
                + " values (case-insensitive): disk, memory");
  }

  @Fixture
  @KalamStoreTest(storage = "ram")
  static class BadAttribute {
    @Test
    void never(@TempStore(storage = "Memory") KalamStore store) {}
  }

  @Test
  void aBadAttributeNamesItselfEvenWhenATempStoreSetsAnother() {
    EngineExecutionResults results = fixtures(null).run(BadAttribute.class);

    assertThat(firstFailure(results))
        .rootCause()
        .isInstanceOf(org.junit.jupiter.api.extension.ExtensionConfigurationException.class)
        .hasMessageStartingWith(
            "@KalamStoreTest on class BadAttribute storage (for parameter 0 ('never.arg0')")
        .hasMessageEndingWith(
            " has the invalid value 'ram'; valid values (case-insensitive): disk, memory");
  }

  private static Throwable firstFailure(EngineExecutionResults results) {
    return results.allEvents().failed().stream()
        .map((Event e) -> e.getRequiredPayload(TestExecutionResult.class).getThrowable())
        .flatMap(Optional::stream)
        .findFirst()
        .orElseThrow();
  }

  @Fixture
  @KalamStoreTest
  static class MemoryPath {
    @Test
    void refused(@TempStore(storage = "memory") Path dir) {}
  }

  @Fixture
  @KalamStoreTest(storage = "memory")
  static class InheritedMemoryPath {
    @Test
    void stillADirectory(@TempStore Path dir, KalamStore store) {
      assertThat(dir).isEmptyDirectory();
      assertThat(store.storage()).isEqualTo(Storage.MEMORY);
    }
  }

  @Test
  void aPathIsAlwaysOnDiskAndSayingMemoryOnItIsAnError() {
    assertThat(firstFailure(fixtures(null).run(MemoryPath.class)))
        .hasMessageContaining(
            "@TempStore on parameter 0 ('refused.arg0') of method MemoryPath.refused() of type"
                + " java.nio.file.Path sets storage, which only a KalamStore has")
        .hasMessageContaining(
            "the directory is always on disk, and code that wants a memory store declares a"
                + " @TempStore KalamStore with storage = \"memory\"");
    fixtures(null)
        .run(InheritedMemoryPath.class)
        .testEvents()
        .assertStatistics(s -> s.succeeded(1));
    assertThat(Fixtures.under(stores).leftovers()).isEmpty();
  }

  @Fixture
  @KalamStoreTest(storage = "memory")
  static class FlushedFiles {
    @Test
    void flushes(@TempStore(memoryBudgetMb = 4) KalamStore store) {
      fillIncompressible(store, "default", 8);
      store.flush();
    }
  }

  @Test
  void theFilesCountAgainstTheBudgetOnlyWhenAskedTo() throws Exception {
    fixtures(null).run(FlushedFiles.class).testEvents().assertStatistics(s -> s.succeeded(1));

    EngineExecutionResults counted =
        fixtures(null).with("kalamdb.store.memory-files-in-budget", "true").run(FlushedFiles.class);

    assertThat(failureOf(counted, "flushes"))
        .hasMessageMatching(
            "store 'flushes\\.arg0' used \\d+\\.\\d MB at peak, over its budget of 4 MB .*; storage memory,"
                + " in-memory files \\d+\\.\\d MB \\(in the budget:"
                + " kalamdb.store.memory-files-in-budget=true\\).*");
    assertThat(
            firstFailure(
                fixtures(null)
                    .with("kalamdb.store.memory-files-in-budget", "maybe")
                    .run(FlushedFiles.class)))
        .hasMessage(
            "configuration parameter kalamdb.store.memory-files-in-budget must be true or false,"
                + " got 'maybe'");
    assertThat(Files.exists(stores)).isFalse();
  }
}

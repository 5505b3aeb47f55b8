package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalamdb.junit.BudgetTest.failureOf;
import static org.kalamdb.junit.BudgetTest.reportEntries;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.config.ServerLayout;
import org.kalamdb.store.KalamStore;
import org.opentest4j.AssertionFailedError;

/**
 * Stores from a KalamDB server.toml: detected or forced dialect, defaults, profiles in messages.
 */
class DialectTest {
  private static final RocksDbConfig SERVER =
      RocksDbConfig.load(Path.of("src/test/resources/server.toml"));

  @TempDir Path base;

  @Fixture
  @KalamStoreTest(config = "classpath:server.toml")
  static class ServerFile {
    @TempStore(columnFamilies = {"t1"})
    KalamStore listed;

    @Test
    void opensTheServersColumnFamiliesWithTheirProfiles(KalamStore store) {
      assertThat(store.config().dialect()).isEqualTo(Dialect.KALAMDB_SERVER);
      assertThat(store.config()).isEqualTo(SERVER);
      assertThat(store.columnFamilyNames()).containsExactlyElementsOf(ServerLayout.COLUMN_FAMILIES);
      assertThat(store.profileOf("hot_data")).isEqualTo("hot_data");
      assertThat(store.profileOf("raft_data")).isEqualTo("raft");
      BudgetTest.fill(store, "hot_data", 1);
    }

    @Test
    void aListSetAddsToTheServersColumnFamilies() {
      List<String> expected = new ArrayList<>(ServerLayout.COLUMN_FAMILIES);
      expected.add("t1");
      assertThat(listed.columnFamilyNames()).containsExactlyElementsOf(expected);
      assertThat(listed.profileOf("t1")).isEqualTo("system_meta");
    }
  }

  @Test
  void aServerFileIsDetectedAndItsStoreHasTheServersColumnFamilies() {
    EngineExecutionResults results = Fixtures.under(base).run(ServerFile.class);

    results.testEvents().assertStatistics(stats -> stats.failed(0).succeeded(2));
    // Without a budget set, the budget is the server's worst case for its six column families.
    assertThat(reportEntries(results))
        .containsEntry(
            "kalamdb.store.opensTheServersColumnFamiliesWithTheirProfiles.arg0.budget-bytes",
            Long.toString(MemoryModel.worstCaseMb(SERVER, 6) << 20));
  }

  @Fixture
  @KalamStoreTest(config = "classpath:both.toml", dialect = "kalamdb-server")
  static class BothSections {
    @Test
    void classDialect(KalamStore store) {
      assertThat(store.config().dialect()).isEqualTo(Dialect.KALAMDB_SERVER);
      assertThat(store.config().blockCacheSizeBytes()).isEqualTo(1 << 20);
      assertThat(store.config().profileFor("hot_data").maxWriteBufferNumber()).isEqualTo(4);
    }

    @Test
    void tempStoreDialectWins(@TempStore(dialect = "toolkit") KalamStore store) {
      assertThat(store.config()).isEqualTo(new RocksDbConfig(1, 3, 1, 0));
      assertThat(store.columnFamilyNames()).containsExactly("default");
      assertThat(store.profileOf("hot_data")).isEqualTo("rocksdb");
    }
  }

  @Test
  void aDialectGivenReadsOneSectionOfAFileWithBoth() {
    Fixtures.under(base)
        .with("kalamdb.store.dialect", "toolkit")
        .run(BothSections.class)
        .testEvents()
        .assertStatistics(stats -> stats.failed(0).succeeded(2));
  }

  @Test
  void aResourceInsideAJarIsReadInTheDialectGiven() throws IOException {
    Path jar = base.resolve("config.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("config.toml"));
      out.write(Files.readAllBytes(Path.of("src/test/resources/both.toml")));
      out.closeEntry();
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      ConfigLocator locator = new ConfigLocator(loader);

      ResolvedConfig server = locator.loadDefaultResource(Optional.of(Dialect.KALAMDB_SERVER));
      ResolvedConfig toolkit = locator.loadDefaultResource(Optional.of(Dialect.TOOLKIT));

      assertThat(server.config().dialect()).isEqualTo(Dialect.KALAMDB_SERVER);
      assertThat(server.config().profileFor("hot_data").writeBufferSizeBytes()).isEqualTo(262144);
      assertThat(server.file()).isEqualTo("classpath:config.toml");
      assertThat(toolkit.config()).isEqualTo(new RocksDbConfig(1, 3, 1, 0));
    }
  }

  @Test
  void withoutAnyFileTheDefaultsOfTheDialectGivenApply() throws IOException {
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {Files.createDirectories(base.resolve("empty")).toUri().toURL()}, null)) {
      ConfigLocator locator = new ConfigLocator(loader);

      ResolvedConfig server = locator.loadDefaultResource(Optional.of(Dialect.KALAMDB_SERVER));

      assertThat(server.config()).isEqualTo(RocksDbConfig.serverDefaults());
      assertThat(server.file()).isEqualTo("kalamdb-server defaults");
      assertThat(locator.loadDefaultResource(Optional.of(Dialect.TOOLKIT)))
          .isEqualTo(ResolvedConfig.defaults());
    }
  }

  @Fixture
  @KalamStoreTest(config = "classpath:both.toml")
  static class BothSectionsNoDialect {
    @Test
    void store(KalamStore store) {
      assertThat(store.config().dialect()).isEqualTo(Dialect.KALAMDB_SERVER);
    }
  }

  @Test
  void theParameterSetsTheDialectWhereNoAnnotationDoes() {
    Fixtures.under(base)
        .with("kalamdb.store.dialect", "kalamdb-server")
        .run(BothSectionsNoDialect.class)
        .testEvents()
        .assertStatistics(stats -> stats.failed(0).succeeded(1));
  }

  @Test
  void withoutADialectAFileWithBothSectionsIsAnError() {
    EngineExecutionResults results = Fixtures.under(base).run(BothSectionsNoDialect.class);

    assertThat(failureOf(results, "store"))
        .hasMessageContaining(
            "config 'classpath:both.toml' (from @KalamStoreTest on class BothSectionsNoDialect"
                + " config, for parameter 0")
        .hasMessageContaining("[rocksdb]")
        .hasMessageContaining("[storage.rocksdb]");
  }

  @Fixture
  @KalamStoreTest(dialect = "kalamdb-sever")
  static class UnknownDialect {
    @Test
    void store(KalamStore store) {
      store.put("default", new byte[1], new byte[1]);
    }
  }

  @Test
  void anUnknownDialectFailsTheTestNamingTheAttributeAndTheKnownDialects() {
    EngineExecutionResults results = Fixtures.under(base).run(UnknownDialect.class);

    assertThat(failureOf(results, "store"))
        .hasMessageContaining(
            ": @KalamStoreTest on class UnknownDialect dialect (for parameter 0 ('store.arg0') of"
                + " method UnknownDialect.store()): ")
        .hasMessageEndingWith(
            "unknown dialect 'kalamdb-sever'; known dialects (case-insensitive): toolkit,"
                + " kalamdb-server");
  }

  @Fixture
  @KalamStoreTest(dialect = "KALAMDB-SERVER")
  static class UpperCaseDialect {
    @Test
    void store(KalamStore store) {
      assertThat(store.config().dialect()).isEqualTo(Dialect.KALAMDB_SERVER);
    }

    @Test
    void toolkit(@TempStore(dialect = "Toolkit") KalamStore store) {
      assertThat(store.config().dialect()).isEqualTo(Dialect.TOOLKIT);
    }
  }

  @Test
  void theDialectIsNamedInAnyCaseLikeTheStorage() {
    Fixtures.under(base)
        .run(UpperCaseDialect.class)
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(2).failed(0));
    Fixtures.under(base)
        .with("kalamdb.store.dialect", " Kalamdb-Server ")
        .with("kalamdb.store.storage", "MEMORY")
        .run(ServerByParameter.class)
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(1).failed(0));
  }

  @Fixture
  static class ServerByParameter {
    @Test
    @KalamStoreTest
    void store(KalamStore store) {
      assertThat(store.config().dialect()).isEqualTo(Dialect.KALAMDB_SERVER);
      assertThat(store.storage()).isEqualTo(org.kalamdb.store.Storage.MEMORY);
    }
  }

  @Fixture
  @KalamStoreTest
  static class NoDialect {
    @Test
    void store(KalamStore store) {
      store.put("default", new byte[1], new byte[1]);
    }
  }

  @Test
  void anUnknownDialectParameterIsAConfigurationError() {
    EngineExecutionResults results =
        Fixtures.under(base).with("kalamdb.store.dialect", "server").run(NoDialect.class);

    Throwable failure =
        results.allEvents().failed().stream()
            .map(e -> e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable())
            .flatMap(Optional::stream)
            .findFirst()
            .orElseThrow();
    assertThat(failure)
        .hasMessage(
            "configuration parameter kalamdb.store.dialect: unknown dialect 'server'; known"
                + " dialects (case-insensitive): toolkit, kalamdb-server");
  }

  @Fixture
  @KalamStoreTest(dialect = "kalamdb-server")
  static class ServerDefaults {
    @Test
    void store(@TempStore(memoryBudgetMb = 1) KalamStore store) {
      assertThat(store.config()).isEqualTo(RocksDbConfig.serverDefaults());
      assertThat(store.columnFamilyNames()).containsExactlyElementsOf(ServerLayout.COLUMN_FAMILIES);
      BudgetTest.fill(store, "raft_data", 2); // raft: 256 KiB x 2 by default
      store.flush();
      for (int i = 0; i < 2 * 256; i++) { // reads fill the 2 MiB cache: over 1 MB in all
        assertThat(store.get("raft_data", ("raft_data" + i).getBytes())).isNotNull();
      }
    }
  }

  @Test
  void withTheServerDialectAndNoConfigAtAllTheServersDefaultsApply() {
    EngineExecutionResults results =
        Fixtures.under(base).with("kalamdb.store.config", null).run(ServerDefaults.class);

    // The server's 2 MiB cache, filled by the reads, is over 1 MB: the message names the config.
    assertThat(failureOf(results, "store").getMessage())
        .containsPattern("block cache [12]\\.\\d MB")
        .endsWith("; config: kalamdb-server defaults");
  }

  @Fixture
  @KalamStoreTest(config = "classpath:server-large-meta.toml", memoryBudgetMb = 1)
  static class ServerOverBudget {
    @Test
    void fills(KalamStore store) {
      store.createColumnFamily("t7"); // a table: the base profile, system_meta (1 MiB here)
      for (int i = 0; i < 128; i++) { // less than a write buffer: stays in memory
        store.put("t7", ("t7-" + i).getBytes(), new byte[4096]);
        store.put("raft_data", ("raft-" + i).getBytes(), new byte[2048]);
      }
      BudgetTest.fill(store, "hot_data", 2);
    }
  }

  @Test
  void anOverBudgetServerStoreNamesTheProfileOfEachColumnFamily() {
    EngineExecutionResults results = Fixtures.under(base).run(ServerOverBudget.class);

    Throwable failure = failureOf(results, "fills");
    assertThat(failure).isInstanceOf(AssertionFailedError.class);
    System.out.println("server over budget: " + failure.getMessage());
    assertThat(failure.getMessage())
        .startsWith("store 'fills.arg0' used ")
        .containsPattern(
            Pattern.compile(
                "; largest column families: hot_data \\d+\\.\\d MB \\(profile hot_data\\),"
                    + " (raft_data|t7) \\d+\\.\\d MB \\(profile (raft|system_meta)\\),"
                    + " (raft_data|t7) \\d+\\.\\d MB \\(profile (raft|system_meta)\\);"))
        .contains("t7 ", " (profile system_meta)", "raft_data ", " (profile raft)")
        .endsWith("; config: " + Path.of("target", "test-classes", "server-large-meta.toml"));
  }
}

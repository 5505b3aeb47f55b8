package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.kalamdb.store.KalamStore;

/** Every misuse fails with an ExtensionConfigurationException naming the place and the fix. */
class MisuseTest {
  @TempDir Path base;

  /** The one failure of the run, test or container, unwrapped to the configuration error. */
  private static ExtensionConfigurationException configurationError(
      EngineExecutionResults results) {
    Event failed = results.allEvents().failed().list().get(0);
    Throwable thrown =
        failed.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    if (thrown instanceof ParameterResolutionException && thrown.getCause() != null) {
      thrown = thrown.getCause();
    }
    assertThat(thrown).isInstanceOf(ExtensionConfigurationException.class);
    return (ExtensionConfigurationException) thrown;
  }

  private ExtensionConfigurationException errorOf(Class<?> fixture) {
    return configurationError(Fixtures.under(base).run(fixture));
  }

  @Fixture
  @KalamStoreTest
  static class InvalidConfigFile {
    @Test
    void test(@TempStore(config = "src/test/resources/invalid.toml") KalamStore store) {}
  }

  @Test
  void anInvalidConfigFileIsReportedWithEveryLocatedDiagnostic() {
    assertThat(errorOf(InvalidConfigFile.class).getMessage())
        .startsWith(
            "config 'src/test/resources/invalid.toml' (from @TempStore config, for parameter 0"
                + " ('test.arg0') of method InvalidConfigFile.test()) cannot be used;")
        .contains("invalid.toml:2:")
        .contains("write_buffer_size_mb")
        .contains("invalid.toml:3:")
        .contains("write_bufer_number");
  }

  @Fixture
  @KalamStoreTest(config = "a\u0000b")
  static class NulInConfigPath {
    @Test
    void test(KalamStore store) {}
  }

  @Test
  void aNulInTheConfigPathNamesTheSetting() {
    assertThat(errorOf(NulInConfigPath.class).getMessage())
        .startsWith(
            "config path 'a\\u0000b' (from @KalamStoreTest on class NulInConfigPath config,")
        .contains(") contains a NUL character")
        .doesNotContain("Nul character not allowed");
  }

  @Fixture
  @KalamStoreTest(config = "no/such/config.toml")
  static class MissingConfigFile {
    @Test
    void test(KalamStore store) {}
  }

  @Test
  void aMissingConfigFileIsNamedWithTheAnnotationThatNamedIt() {
    assertThat(errorOf(MissingConfigFile.class).getMessage())
        .startsWith(
            "config 'no/such/config.toml' (from @KalamStoreTest on class MissingConfigFile config,"
                + " for parameter 0 ('test.arg0') of method MissingConfigFile.test())")
        .contains("no/such/config.toml");
  }

  @Fixture
  @KalamStoreTest(config = "classpath:no-such.toml")
  static class MissingResource {
    @Test
    void test(KalamStore store) {}
  }

  @Test
  void aMissingClasspathResourceIsNamed() {
    assertThat(errorOf(MissingResource.class).getMessage())
        .contains("no resource 'no-such.toml' on the test class path");
  }

  @Fixture
  @KalamStoreTest
  static class AnyStore {
    @Test
    void test(KalamStore store) {}
  }

  @Test
  void aBadConfigParameterFileIsNamedWithTheParameter() {
    EngineExecutionResults results =
        Fixtures.under(base)
            .with("kalamdb.store.config", "classpath:invalid.toml")
            .run(AnyStore.class);

    assertThat(configurationError(results).getMessage())
        .startsWith(
            "config 'classpath:invalid.toml' (from configuration parameter kalamdb.store.config)")
        .contains("invalid.toml:2:");
  }

  @Test
  void aBudgetParameterThatIsNotAPositiveNumberIsRefused() {
    for (String bad : new String[] {"lots", "0", "-5", "1.5"}) {
      EngineExecutionResults results =
          Fixtures.under(base).with("kalamdb.store.memory-budget-mb", bad).run(AnyStore.class);

      assertThat(configurationError(results).getMessage())
          .isEqualTo(
              "configuration parameter kalamdb.store.memory-budget-mb must be a positive whole"
                  + " number of MB, got '"
                  + bad
                  + "'");
    }
  }

  @Test
  void aBudgetParameterOverTheLargestSizeIsRefusedNotWrapped() {
    for (String parameter : List.of(RunParameters.MEMORY_BUDGET_MB, RunParameters.JVM_BUDGET_MB)) {
      EngineExecutionResults results =
          Fixtures.under(base).with(parameter, "8796093022208").run(AnyStore.class);

      assertThat(configurationError(results).getMessage())
          .isEqualTo(
              "configuration parameter "
                  + parameter
                  + " must be between 1 and 8796093022207 MB (2^63 bytes), got '8796093022208'");
    }
  }

  @Test
  void aBadCleanupModeIsRefusedNamingTheValidOnes() {
    EngineExecutionResults results =
        Fixtures.under(base).with("kalamdb.store.cleanup", "sometimes").run(AnyStore.class);

    assertThat(configurationError(results).getMessage())
        .isEqualTo(
            "configuration parameter kalamdb.store.cleanup has the invalid value 'sometimes';"
                + " valid values (case-insensitive): always, on_success, never");
    assertThat(Fixtures.under(base).leftovers()).isEmpty();
  }

  @Fixture
  @KalamStoreTest
  static class WrongFieldType {
    @TempStore String name;

    @Test
    void test() {}
  }

  @Test
  void aFieldOfAnotherTypeIsRefused() {
    assertThat(errorOf(WrongFieldType.class).getMessage())
        .isEqualTo(
            "@TempStore is on field WrongFieldType.name of type java.lang.String; a @TempStore"
                + " field must be of type KalamStore or java.nio.file.Path");
  }

  @Fixture
  @KalamStoreTest
  static class FinalField {
    @TempStore final KalamStore store = null;

    @Test
    void test() {}
  }

  @Test
  void aFinalFieldIsRefused() {
    assertThat(errorOf(FinalField.class).getMessage())
        .isEqualTo(
            "@TempStore field FinalField.store is final; remove 'final' so that the extension can"
                + " set it");
  }

  @Fixture
  @KalamStoreTest
  static class WrongParameterType {
    @Test
    void test(@TempStore java.io.File store) {}
  }

  @Test
  void aParameterOfAnotherTypeIsRefused() {
    assertThat(errorOf(WrongParameterType.class).getMessage())
        .isEqualTo(
            "@TempStore is on parameter 0 ('test.arg0') of method WrongParameterType.test() of"
                + " type java.io.File; a @TempStore parameter must be of type KalamStore or"
                + " java.nio.file.Path");
  }

  @Fixture
  @KalamStoreTest
  static class PathWithStoreAttributes {
    @Test
    void test(
        @TempStore(
                memoryBudgetMb = 5,
                columnFamilies = {"a"})
            Path dir) {}
  }

  @Test
  void storeAttributesOnAPathAreRefusedByName() {
    assertThat(errorOf(PathWithStoreAttributes.class).getMessage())
        .isEqualTo(
            "@TempStore on parameter 0 ('test.arg0') of method PathWithStoreAttributes.test() of"
                + " type java.nio.file.Path sets memoryBudgetMb, columnFamilies, which only a"
                + " KalamStore has: the extension creates an empty directory and opens nothing in"
                + " it; remove them (a database opened there and given to MemoryWatch takes its"
                + " budget and config from @KalamStoreTest and the configuration parameters)");
    assertThat(Fixtures.under(base).leftovers()).isEmpty();
  }

  @Fixture
  @KalamStoreTest
  static class PathFieldWithConfig {
    @TempStore(config = "classpath:small.toml", dialect = "toolkit")
    Path dir;

    @Test
    void test() {}
  }

  @Test
  void aConfigOrDialectOnAPathFieldIsRefusedToo() {
    assertThat(errorOf(PathFieldWithConfig.class).getMessage())
        .startsWith(
            "@TempStore on field PathFieldWithConfig.dir of type java.nio.file.Path sets config,"
                + " dialect, which only a KalamStore has");
  }

  @Fixture
  @KalamStoreTest
  static class FinalPathField {
    @TempStore final Path dir = null;

    @Test
    void test() {}
  }

  @Test
  void aFinalPathFieldIsRefused() {
    assertThat(errorOf(FinalPathField.class).getMessage())
        .isEqualTo(
            "@TempStore field FinalPathField.dir is final; remove 'final' so that the extension"
                + " can set it");
  }

  @Fixture
  @KalamStoreTest
  static class NegativeBudget {
    @Test
    void test(@TempStore(memoryBudgetMb = -5) KalamStore store) {}
  }

  @Test
  void aNegativeBudgetIsRefused() {
    assertThat(errorOf(NegativeBudget.class).getMessage())
        .isEqualTo(
            "@TempStore memoryBudgetMb is -5 (for parameter 0 ('test.arg0') of method"
                + " NegativeBudget.test()); use a positive number of MB, or -1 (the default) for"
                + " not set");
  }

  @Fixture
  @KalamStoreTest(memoryBudgetMb = -2)
  static class NegativeClassBudget {
    @Test
    void test(KalamStore store) {}
  }

  @Test
  void aNegativeBudgetOnTheClassIsRefusedToo() {
    assertThat(errorOf(NegativeClassBudget.class).getMessage())
        .startsWith("@KalamStoreTest on class NegativeClassBudget memoryBudgetMb is -2");
  }

  @Fixture
  static class StaticFieldWithMethodRegistration {
    @TempStore static KalamStore shared;

    @Test
    @KalamStoreTest
    void test() {}
  }

  @Test
  void aStaticFieldWithTheExtensionOnlyOnAMethodIsExplained() {
    assertThat(errorOf(StaticFieldWithMethodRegistration.class).getMessage())
        .startsWith(
            "static @TempStore field StaticFieldWithMethodRegistration.shared was not set: static"
                + " stores are created before @BeforeAll, which needs @KalamStoreTest");
  }

  @Fixture
  @KalamStoreTest
  static class UnusableBaseDir {
    @Test
    void test(KalamStore store) {}
  }

  @Test
  void aBaseDirectoryThatCannotBeCreatedIsNamed() throws Exception {
    Path file = java.nio.file.Files.writeString(base.resolve("a-file"), "not a directory");
    EngineExecutionResults results =
        Fixtures.under(file.resolve("stores")).run(UnusableBaseDir.class);

    assertThat(configurationError(results).getMessage())
        .startsWith(
            "cannot create a directory for store 'test.arg0' under " + file.resolve("stores"))
        .contains("kalamdb.store.base-dir");
  }

  @Test
  void aBaseDirectoryThatIsAFileIsNamedWithItsParameter() throws Exception {
    Path file = java.nio.file.Files.writeString(base.resolve("a-file"), "not a directory");
    EngineExecutionResults results = Fixtures.under(file).run(UnusableBaseDir.class);

    assertThat(configurationError(results).getMessage())
        .isEqualTo(
            "cannot create a directory for store 'test.arg0' under "
                + file
                + " (configuration parameter kalamdb.store.base-dir): "
                + file
                + " is a file, not a directory; point kalamdb.store.base-dir at a directory (it is"
                + " created if missing)");
    assertThat(java.nio.file.Files.readString(file)).isEqualTo("not a directory");
  }

  @Fixture
  @KalamStoreTest
  static class MemoryWatchInConstructor {
    MemoryWatchInConstructor(MemoryWatch memory) {}

    @Test
    void test() {}
  }

  @Test
  void aMemoryWatchInAConstructorIsRefused() {
    assertThat(errorOf(MemoryWatchInConstructor.class).getMessage())
        .isEqualTo(
            "MemoryWatch is parameter 0 ('MemoryWatchInConstructor.arg0') of constructor of"
                + " MemoryWatchInConstructor; a MemoryWatch belongs to a test: declare it as a"
                + " parameter of the test method or of a @BeforeEach, @BeforeAll or @AfterEach"
                + " method");
  }

  @Fixture
  @KalamStoreTest
  static class TempStoreMemoryWatch {
    @Test
    void test(@TempStore MemoryWatch memory) {}
  }

  @Test
  void aTempStoreMemoryWatchIsAWrongType() {
    assertThat(errorOf(TempStoreMemoryWatch.class).getMessage())
        .isEqualTo(
            "@TempStore is on parameter 0 ('test.arg0') of method TempStoreMemoryWatch.test() of"
                + " type org.kalamdb.junit.MemoryWatch; a @TempStore parameter must be of type"
                + " KalamStore or java.nio.file.Path");
  }
}

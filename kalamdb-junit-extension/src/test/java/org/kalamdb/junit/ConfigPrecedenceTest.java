package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.store.KalamStore;

/** Which config file a store is opened with. */
class ConfigPrecedenceTest {
  private static final RocksDbConfig SMALL = new RocksDbConfig(1, 2, 1, 0);
  private static final RocksDbConfig BIG_BUFFERS = new RocksDbConfig(16, 2, 1, 0);
  private static final RocksDbConfig THREE = new RocksDbConfig(3, 3, 3, 0);

  @TempDir Path base;

  @Fixture
  @KalamStoreTest(config = "src/test/resources/big-buffers.toml")
  static class Annotated {
    @TempStore(config = "classpath:small.toml")
    KalamStore fromTempStore;

    @TempStore KalamStore fromClass;

    @Test
    void classAndTempStore() {
      assertThat(fromTempStore.config()).isEqualTo(SMALL);
      assertThat(fromClass.config()).isEqualTo(BIG_BUFFERS);
    }

    @Test
    @KalamStoreTest(config = "classpath:small.toml")
    void methodBeatsClass(KalamStore store) {
      assertThat(store.config()).isEqualTo(SMALL);
      assertThat(fromClass.config()).isEqualTo(SMALL);
    }
  }

  @Test
  void tempStoreBeatsTheMethodWhichBeatsTheClassWhichBeatsTheParameter() {
    Fixtures.under(base)
        .with("kalamdb.store.config", "classpath:invalid.toml")
        .run(Annotated.class)
        .allEvents()
        .assertStatistics(stats -> stats.failed(0).succeeded(4));
  }

  @Fixture
  @KalamStoreTest
  static class NotAnnotated {
    @Test
    void test(KalamStore store) {
      assertThat(store.config()).isEqualTo(BIG_BUFFERS);
    }
  }

  @Test
  void theParameterAppliesWhereNoAnnotationNamesAFile() {
    Fixtures.under(base)
        .with("kalamdb.store.config", "src/test/resources/big-buffers.toml")
        .run(NotAnnotated.class)
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(1));
  }

  @Test
  void aConfigTomlResourceInADirectoryIsReadFromItsFile() throws IOException {
    Path classes = Files.createDirectories(base.resolve("classes"));
    Files.writeString(classes.resolve("config.toml"), threeToml());

    try (URLClassLoader loader = loaderOf(classes)) {
      ResolvedConfig found = new ConfigLocator(loader).loadDefaultResource();

      assertThat(found.config()).isEqualTo(THREE);
      assertThat(found.file()).isEqualTo(classes.resolve("config.toml").toString());
    }
  }

  @Test
  void aConfigTomlResourceInsideAJarIsReadFromTheJar() throws IOException {
    Path jar = base.resolve("config.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("config.toml"));
      out.write(threeToml().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.closeEntry();
    }

    try (URLClassLoader loader = loaderOf(jar)) {
      ResolvedConfig found = new ConfigLocator(loader).loadDefaultResource();

      assertThat(found.config()).isEqualTo(THREE);
      assertThat(found.file()).isEqualTo("classpath:config.toml");
    }
  }

  @Test
  void anInvalidConfigTomlInsideAJarIsReportedWithItsDiagnostics() throws IOException {
    Path jar = base.resolve("bad.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("config.toml"));
      writeBad(out);
      out.closeEntry();
    }

    try (URLClassLoader loader = loaderOf(jar)) {
      ConfigLocator locator = new ConfigLocator(loader);
      org.assertj.core.api.Assertions.assertThatThrownBy(locator::loadDefaultResource)
          .isInstanceOf(ExtensionConfigurationException.class)
          .hasMessageStartingWith(
              "config 'classpath:config.toml' (from config.toml on the class path) cannot be used")
          .hasMessageContaining("classpath:config.toml:2:");
    }
  }

  @Test
  void withoutAConfigTomlResourceTheDefaultsApply() throws IOException {
    try (URLClassLoader loader = loaderOf(Files.createDirectories(base.resolve("empty")))) {
      ResolvedConfig found = new ConfigLocator(loader).loadDefaultResource();

      assertThat(found.config()).isEqualTo(RocksDbConfig.defaults());
      assertThat(found.file()).isEqualTo("defaults");
    }
  }

  @Test
  void aRelativePathIsResolvedAgainstTheWorkingDirectoryAndShownAsWritten() {
    ResolvedConfig found =
        new ConfigLocator(getClass().getClassLoader())
            .load("src/test/resources/small.toml", "test");

    assertThat(found.config()).isEqualTo(SMALL);
    assertThat(found.file()).isEqualTo(Path.of("src/test/resources/small.toml").toString());
  }

  private static String threeToml() {
    return "[server]\nport = 8080\n\n[rocksdb]\nwrite_buffer_size_mb = 3\n"
        + "max_write_buffer_number = 3\nblock_cache_size_mb = 3\n";
  }

  private static void writeBad(OutputStream out) throws IOException {
    out.write(
        "[rocksdb]\nwrite_buffer_size_mb = -1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** A loader that sees only {@code entry}, not this module's test resources. */
  private static URLClassLoader loaderOf(Path entry) throws IOException {
    return new URLClassLoader(new URL[] {entry.toUri().toURL()}, null);
  }
}

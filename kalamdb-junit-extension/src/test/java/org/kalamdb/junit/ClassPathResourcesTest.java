package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.config.RocksDbConfig;

/** A run looks each class path resource up once, and still reads what the file holds now. */
class ClassPathResourcesTest {
  @TempDir Path classes;

  @Test
  void aRunLooksAResourceUpOnceForAllItsStores() throws IOException {
    Files.writeString(classes.resolve("small.toml"), toml(1));
    ClassPathResources run = new ClassPathResources();
    try (CountingLoader loader = new CountingLoader(classes)) {
      for (int store = 0; store < 3; store++) {
        ResolvedConfig found = new ConfigLocator(loader, run).load("classpath:small.toml", "test");
        assertThat(found.config()).isEqualTo(new RocksDbConfig(1, 2, 1, 0));
      }
      new ConfigLocator(loader, run).loadDefaultResource();
      new ConfigLocator(loader, run).loadDefaultResource();

      assertThat(loader.lookups("small.toml")).isEqualTo(1);
      // Absent resources too: a project without config.toml asks for it for every store.
      assertThat(loader.lookups("config.toml")).isEqualTo(1);
    }
  }

  @Test
  void aFileEditedDuringTheRunIsReadAgain() throws IOException {
    Path file = classes.resolve("small.toml");
    Files.writeString(file, toml(1));
    ClassPathResources run = new ClassPathResources();
    try (CountingLoader loader = new CountingLoader(classes)) {
      new ConfigLocator(loader, run).load("classpath:small.toml", "test");
      Files.writeString(file, toml(4) + "\n# edited\n");

      ResolvedConfig found = new ConfigLocator(loader, run).load("classpath:small.toml", "test");

      assertThat(found.config()).isEqualTo(new RocksDbConfig(4, 2, 1, 0));
    }
  }

  @Test
  void eachRunLooksUpAgain() throws IOException {
    Files.writeString(classes.resolve("small.toml"), toml(1));
    try (CountingLoader loader = new CountingLoader(classes)) {
      new ConfigLocator(loader, new ClassPathResources()).load("classpath:small.toml", "test");
      new ConfigLocator(loader, new ClassPathResources()).load("classpath:small.toml", "test");

      assertThat(loader.lookups("small.toml")).isEqualTo(2);
    }
  }

  private static String toml(int writeBufferMb) {
    return "[rocksdb]\nwrite_buffer_size_mb = "
        + writeBufferMb
        + "\nmax_write_buffer_number = 2\nblock_cache_size_mb = 1\n";
  }

  /** A class loader over one directory that counts look-ups by resource name. */
  private static final class CountingLoader extends URLClassLoader {
    private final java.util.Map<String, AtomicInteger> lookups =
        new java.util.concurrent.ConcurrentHashMap<>();

    CountingLoader(Path directory) throws IOException {
      super(new URL[] {directory.toUri().toURL()}, null);
    }

    @Override
    public URL getResource(String name) {
      lookups.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
      return super.getResource(name);
    }

    int lookups(String name) {
      return lookups.getOrDefault(name, new AtomicInteger()).get();
    }
  }
}

package org.kalamdb.junit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kalamdb.config.ConfigException;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.RocksDbConfig;

/**
 * Config files read by the extension, kept for the JVM: every store of a suite usually takes the
 * same file, and reading and validating it took 0.4 ms (a toolkit file) to 0.7 ms (a server file)
 * per store, measured warm. An entry is used only while the file has the size and modification time
 * it was read with, so an edited file is read again; a file that does not load is never kept, so
 * its diagnostics come every time. Thread safe.
 */
final class ConfigFileCache {

  /** More distinct files than any suite names; past it the cache starts over rather than grow. */
  static final int MAX_ENTRIES = 64;

  private record Key(Path file, Optional<Dialect> dialect, FileTime modified, long size) {}

  private static final Map<Key, RocksDbConfig> CONFIGS = new ConcurrentHashMap<>();

  private ConfigFileCache() {}

  /**
   * {@link RocksDbConfig#load(Path)} (or in {@code dialect}) of {@code file}, from the cache while
   * the file is unchanged.
   *
   * @throws ConfigException as {@link RocksDbConfig#load(Path)} does
   */
  static RocksDbConfig load(Path file, Optional<Dialect> dialect) {
    Optional<Key> key = key(file, dialect);
    RocksDbConfig cached = key.map(CONFIGS::get).orElse(null);
    if (cached != null) {
      return cached;
    }
    RocksDbConfig config =
        dialect.isPresent() ? RocksDbConfig.load(file, dialect.get()) : RocksDbConfig.load(file);
    if (key.isPresent()) {
      if (CONFIGS.size() >= MAX_ENTRIES) {
        CONFIGS.clear();
      }
      CONFIGS.put(key.get(), config);
    }
    return config;
  }

  /** The file's identity now; empty when it cannot be read (the load then says why). */
  private static Optional<Key> key(Path file, Optional<Dialect> dialect) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        return Optional.empty();
      }
      return Optional.of(
          new Key(
              file.toAbsolutePath().normalize(),
              dialect,
              attributes.lastModifiedTime(),
              attributes.size()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}

package org.kalamdb.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kalamdb.config.CheckOptions;
import org.kalamdb.config.ConfigException;
import org.kalamdb.config.ConfigValidator;
import org.kalamdb.config.Diagnostic;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.config.ValidationResult;

/**
 * The config file a Kafka Streams application names in its properties ({@value
 * KalamRocksDBConfigSetter#CONFIG}, optional {@value KalamRocksDBConfigSetter#DIALECT}), identified
 * so that every store naming the same file in the same dialect finds the same shared options: by
 * the URI of its real path, whether named by a path or as a {@code classpath:} resource, and a
 * resource inside a jar by its URL.
 *
 * @param location the URI of the file's real path, or the resource's URL
 * @param spec the setting as the user wrote it, for messages
 * @param dialect the dialect forced by {@value KalamRocksDBConfigSetter#DIALECT}, if any
 */
record ConfigReference(String location, String spec, Optional<Dialect> dialect) {

  static final String CLASSPATH_PREFIX = "classpath:";

  /**
   * The reference the Streams properties {@code configs} hold.
   *
   * @throws ConfigException naming the setting when it is missing, empty, not a string, names no
   *     file or resource, or names an unknown dialect
   */
  static ConfigReference of(Map<String, ?> configs, ClassLoader classLoader) {
    Optional<Dialect> dialect = dialect(configs.get(KalamRocksDBConfigSetter.DIALECT));
    Object value = configs.get(KalamRocksDBConfigSetter.CONFIG);
    if (!(value instanceof String) || ((String) value).isBlank()) {
      throw error(
          KalamRocksDBConfigSetter.CONFIG,
          (value == null ? "not set" : "must be a non-empty string, got '" + value + "'")
              + "; set it in the Streams properties to a config file path or classpath:NAME"
              + " (rocksdb.config.setter is "
              + KalamRocksDBConfigSetter.class.getSimpleName()
              + ")");
    }
    String spec = (String) value;
    if (spec.startsWith(CLASSPATH_PREFIX)) {
      String name = spec.substring(CLASSPATH_PREFIX.length());
      name = name.startsWith("/") ? name.substring(1) : name;
      URL url = classLoader.getResource(name);
      if (url == null) {
        throw error(
            spec,
            "no resource '"
                + name
                + "' on the class path (from "
                + KalamRocksDBConfigSetter.CONFIG
                + "); fix the name, or use a path without 'classpath:'");
      }
      return new ConfigReference(identity(url), spec, dialect);
    }
    if (spec.indexOf('\0') >= 0) {
      throw error(spec.replace("\0", "\\u0000"), "the path contains a NUL character");
    }
    return new ConfigReference(identity(Path.of(spec)), spec, dialect);
  }

  /** The shared options' key: same file, same dialect. */
  SharedOptions.Key key() {
    return new SharedOptions.Key(location, dialect);
  }

  private static String identity(Path path) {
    try {
      return path.toRealPath().toUri().toString();
    } catch (IOException | SecurityException e) {
      // Not readable: load() reports it as checking the file does, located at the file.
      return path.toAbsolutePath().normalize().toUri().toString();
    }
  }

  /** A resource that is a plain file is the file; one inside a jar is its URL. */
  private static String identity(URL url) {
    if ("file".equals(url.getProtocol())) {
      try {
        return identity(Path.of(url.toURI()));
      } catch (URISyntaxException | IllegalArgumentException e) {
        // Not a path after all: keyed by its URL.
      }
    }
    return url.toString();
  }

  private static Optional<Dialect> dialect(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    Optional<Dialect> dialect = Dialect.byId(String.valueOf(value));
    if (dialect.isEmpty()) {
      throw error(
          KalamRocksDBConfigSetter.DIALECT,
          "unknown dialect '" + value + "'; known dialects: " + Dialect.knownIds());
    }
    return dialect;
  }

  /**
   * Reads and checks the file.
   *
   * @throws ConfigException listing every diagnostic of the file
   */
  RocksDbConfig load() {
    CheckOptions options = CheckOptions.fileOnly().withDialect(dialect);
    ValidationResult result;
    if (spec.startsWith(CLASSPATH_PREFIX)) {
      result = readResource(options);
    } else {
      result = new ConfigValidator(options).validate(Path.of(spec));
    }
    if (result.hasErrors()) {
      throw new ConfigException(result.diagnostics());
    }
    return result.config();
  }

  private ValidationResult readResource(CheckOptions options) {
    try {
      URL url = URI.create(location).toURL();
      if ("file".equals(url.getProtocol())) {
        return new ConfigValidator(options).validate(Path.of(url.toURI()));
      }
      try (InputStream in = url.openStream()) {
        return new ConfigValidator(options).validate(in.readAllBytes(), spec);
      }
    } catch (IOException | URISyntaxException | IllegalArgumentException e) {
      throw error(spec, "cannot be read from " + location + ": " + e);
    }
  }

  private static ConfigException error(String file, String message) {
    return new ConfigException(List.of(Diagnostic.error(file, 0, 0, null, message)));
  }
}

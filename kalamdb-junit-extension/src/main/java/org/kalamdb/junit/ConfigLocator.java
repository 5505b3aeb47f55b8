package org.kalamdb.junit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.kalamdb.config.CheckOptions;
import org.kalamdb.config.ConfigException;
import org.kalamdb.config.ConfigValidator;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.config.ValidationResult;

/**
 * Finds and reads a config file named by an annotation or parameter: a path against the working
 * directory, or {@code classpath:name}; and the {@code config.toml} resource of the test class
 * path. Each file is read in the dialect given, or in the one it has when none is given.
 */
final class ConfigLocator {
  static final String CLASSPATH_PREFIX = "classpath:";
  static final String DEFAULT_RESOURCE = "config.toml";

  private final ClassLoader classLoader;
  private final ClassPathResources resources;

  /** A locator that looks every resource up anew. */
  ConfigLocator(ClassLoader classLoader) {
    this(classLoader, null);
  }

  /** A locator that looks each resource up once for {@code resources}' run. */
  ConfigLocator(ClassLoader classLoader, ClassPathResources resources) {
    this.classLoader = classLoader;
    this.resources = resources;
  }

  private Optional<ClassPathResources.Resource> resource(String name) {
    return resources == null
        ? ClassPathResources.lookUp(classLoader, name)
        : resources.find(classLoader, name);
  }

  /** Reads the file {@code spec} names in its own dialect; {@code origin} names the setting. */
  ResolvedConfig load(String spec, String origin) {
    return load(spec, origin, Optional.empty());
  }

  /**
   * Reads the file {@code spec} names, in {@code dialect} or (empty) the one it has; {@code origin}
   * says which setting named it.
   */
  ResolvedConfig load(String spec, String origin, Optional<Dialect> dialect) {
    if (spec.startsWith(CLASSPATH_PREFIX)) {
      String name = stripSlash(spec.substring(CLASSPATH_PREFIX.length()));
      Optional<ClassPathResources.Resource> resource = resource(name);
      if (resource.isEmpty()) {
        throw new ExtensionConfigurationException(
            "config '"
                + spec
                + "' (from "
                + origin
                + ") not found: no resource '"
                + name
                + "' on the test class path; fix the name, or use a path without 'classpath:'");
      }
      return loadResource(resource.get(), spec, origin, dialect);
    }
    if (spec.indexOf('\0') >= 0) {
      // The JDK would say only "Nul character not allowed", naming neither path nor setting.
      throw new ExtensionConfigurationException(
          "config path '"
              + spec.replace("\0", "\\u0000")
              + "' (from "
              + origin
              + ") contains a NUL character");
    }
    return loadFile(Path.of(spec), spec, origin, dialect);
  }

  /** The {@code config.toml} resource of the test class path, else the toolkit defaults. */
  ResolvedConfig loadDefaultResource() {
    return loadDefaultResource(Optional.empty());
  }

  /**
   * The {@code config.toml} resource of the test class path read in {@code dialect} (or its own),
   * else the defaults of {@code dialect} (toolkit when empty).
   */
  ResolvedConfig loadDefaultResource(Optional<Dialect> dialect) {
    Optional<ClassPathResources.Resource> resource = resource(DEFAULT_RESOURCE);
    if (resource.isEmpty()) {
      return ResolvedConfig.defaults(dialect.orElse(Dialect.TOOLKIT));
    }
    return loadResource(
        resource.get(),
        CLASSPATH_PREFIX + DEFAULT_RESOURCE,
        "config.toml on the class path",
        dialect);
  }

  private ResolvedConfig loadResource(
      ClassPathResources.Resource resource, String spec, String origin, Optional<Dialect> dialect) {
    if (resource.file().isPresent()) {
      return loadFile(resource.file().get(), spec, origin, dialect);
    }
    URL url = resource.url();
    byte[] content;
    try (InputStream in = url.openStream()) {
      content = in.readAllBytes();
    } catch (IOException e) {
      throw new ExtensionConfigurationException(
          "config '" + spec + "' (from " + origin + ") cannot be read from " + url + ": " + e, e);
    }
    ValidationResult result =
        new ConfigValidator(CheckOptions.fileOnly().withDialect(dialect)).validate(content, spec);
    if (result.hasErrors()) {
      throw invalid(spec, origin, new ConfigException(result.diagnostics()));
    }
    return new ResolvedConfig(result.config(), spec, origin);
  }

  private static ResolvedConfig loadFile(
      Path file, String spec, String origin, Optional<Dialect> dialect) {
    try {
      RocksDbConfig config = ConfigFileCache.load(file, dialect);
      return new ResolvedConfig(config, displayName(file), origin);
    } catch (ConfigException e) {
      throw invalid(spec, origin, e);
    }
  }

  private static ExtensionConfigurationException invalid(
      String spec, String origin, ConfigException e) {
    return new ExtensionConfigurationException(
        "config '"
            + spec
            + "' (from "
            + origin
            + ") cannot be used; fix the file or point the setting at another one:\n"
            + e.getMessage(),
        e);
  }

  /** The path relative to the working directory when it lies below it, as users wrote it. */
  static String displayName(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path workingDir = Path.of("").toAbsolutePath();
    if (!file.isAbsolute() || !absolute.startsWith(workingDir)) {
      return file.toString();
    }
    return workingDir.relativize(absolute).toString();
  }

  private static String stripSlash(String name) {
    return name.startsWith("/") ? name.substring(1) : name;
  }
}

package org.kalamdb.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs {@link Fixture} classes on the real Jupiter engine, with stores under a base directory of
 * the caller's, the small test config and no printed peak lines unless a parameter says otherwise.
 */
final class Fixtures {
  private final Path baseDir;
  private final Map<String, String> parameters = new LinkedHashMap<>();

  private Fixtures(Path baseDir) {
    this.baseDir = baseDir;
    parameters.put(FixtureRunCondition.PARAMETER, "true");
    parameters.put("kalamdb.store.base-dir", baseDir.toString());
    parameters.put("kalamdb.store.config", "classpath:small.toml");
    // The tests of the printed line turn it back on; thousands of fixture runs would flood the log.
    parameters.put("kalamdb.store.report-stdout", "false");
    // The memory report's tests turn it on with a directory of their own; others write none.
    parameters.put("kalamdb.store.report", "false");
  }

  /** Stores under {@code baseDir}, config {@code classpath:small.toml}. */
  static Fixtures under(Path baseDir) {
    return new Fixtures(baseDir);
  }

  /** Sets a configuration parameter; {@code null} removes it. */
  Fixtures with(String key, String value) {
    if (value == null) {
      parameters.remove(key);
    } else {
      parameters.put(key, value);
    }
    return this;
  }

  EngineExecutionResults run(Class<?>... classes) {
    EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter");
    for (Class<?> type : classes) {
      builder = builder.selectors(selectClass(type));
    }
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      builder = builder.configurationParameter(parameter.getKey(), parameter.getValue());
    }
    return builder.execute();
  }

  /** The store directories left under the base directory. */
  List<Path> leftovers() {
    if (!Files.exists(baseDir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(baseDir)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.kalamdb.maven;

import java.util.List;
import java.util.Optional;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.apache.maven.model.Plugin;

/**
 * Finds a Surefire too old to run JUnit 5 tests. Surefire before 2.22.0 has no JUnit Platform
 * provider: it runs zero {@code @KalamStoreTest} tests and the build passes, so a store over its
 * memory budget goes unnoticed. Maven before 3.9 brings Surefire 2.12.4 when the POM pins none;
 * that default is among the project's build plugins too, so both cases are found the same way.
 */
final class SurefireCheck {

  /** The first Surefire with a JUnit Platform provider. */
  static final String FIRST_JUNIT5_VERSION = "2.22.0";

  /** The version to pin, the one this toolkit is built and tested with. */
  static final String PINNED_VERSION = "3.5.4";

  private static final String GROUP_ID = "org.apache.maven.plugins";
  private static final String ARTIFACT_ID = "maven-surefire-plugin";

  private SurefireCheck() {}

  /** The warning for the project's build plugins, or empty when its Surefire runs JUnit 5. */
  static Optional<String> warning(List<Plugin> buildPlugins) {
    return buildPlugins.stream()
        .filter(p -> GROUP_ID.equals(p.getGroupId()) && ARTIFACT_ID.equals(p.getArtifactId()))
        .map(Plugin::getVersion)
        // No version left after model building means none Maven could run: nothing to compare.
        .filter(v -> v != null && !v.contains("${"))
        .filter(
            v ->
                new ComparableVersion(v).compareTo(new ComparableVersion(FIRST_JUNIT5_VERSION)) < 0)
        .findFirst()
        .map(
            v ->
                ARTIFACT_ID
                    + " "
                    + v
                    + " runs no JUnit 5 test ("
                    + FIRST_JUNIT5_VERSION
                    + " or later does): @KalamStoreTest tests and their memory budgets would be"
                    + " skipped while the build passes; pin "
                    + ARTIFACT_ID
                    + " "
                    + PINNED_VERSION
                    + " in <build><pluginManagement> (Maven before 3.9 uses 2.12.4 when none is"
                    + " pinned)");
  }
}

package org.kalamdb.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.maven.model.Plugin;
import org.junit.jupiter.api.Test;

class SurefireCheckTest {

  private static Plugin plugin(String groupId, String artifactId, String version) {
    Plugin plugin = new Plugin();
    plugin.setGroupId(groupId);
    plugin.setArtifactId(artifactId);
    plugin.setVersion(version);
    return plugin;
  }

  private static Plugin surefire(String version) {
    return plugin("org.apache.maven.plugins", "maven-surefire-plugin", version);
  }

  @Test
  void maven38DefaultIsTooOld() {
    assertThat(SurefireCheck.warning(List.of(surefire("2.12.4"))))
        .hasValueSatisfying(
            w ->
                assertThat(w)
                    .startsWith(
                        "maven-surefire-plugin 2.12.4 runs no JUnit 5 test (2.22.0 or later")
                    .contains("pin maven-surefire-plugin 3.5.4 in <build><pluginManagement>"));
  }

  @Test
  void justBeforeTheJunitPlatformProviderIsTooOld() {
    assertThat(SurefireCheck.warning(List.of(surefire("2.21.0")))).isPresent();
    assertThat(SurefireCheck.warning(List.of(surefire("2.22.0-SNAPSHOT")))).isPresent();
  }

  @Test
  void versionsWithTheProviderPass() {
    assertThat(SurefireCheck.warning(List.of(surefire("2.22.0")))).isEmpty();
    assertThat(SurefireCheck.warning(List.of(surefire("2.22.2")))).isEmpty();
    assertThat(SurefireCheck.warning(List.of(surefire("3.0.0-M5")))).isEmpty();
    assertThat(SurefireCheck.warning(List.of(surefire("3.5.4")))).isEmpty();
  }

  @Test
  void noSurefireOrAnotherPluginPasses() {
    assertThat(SurefireCheck.warning(List.of())).isEmpty();
    assertThat(
            SurefireCheck.warning(
                List.of(plugin("org.apache.maven.plugins", "maven-failsafe-plugin", "2.12.4"))))
        .isEmpty();
    assertThat(
            SurefireCheck.warning(List.of(plugin("org.example", "maven-surefire-plugin", "2.0"))))
        .isEmpty();
  }

  @Test
  void anUnresolvedVersionIsNotCompared() {
    assertThat(SurefireCheck.warning(List.of(surefire(null)))).isEmpty();
    assertThat(SurefireCheck.warning(List.of(surefire("${surefire.version}")))).isEmpty();
  }
}

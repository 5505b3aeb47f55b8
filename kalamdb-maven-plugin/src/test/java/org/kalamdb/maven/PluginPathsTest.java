package org.kalamdb.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/**
 * A NUL cannot come through a command line or a pom (argv and XML 1.0 hold none), but code that
 * sets the parameter can pass one: the error names the parameter and the property.
 */
class PluginPathsTest {
  private static final String SETTING = "parameter config, property kalamdb.config";

  @Test
  void aNulCharacterNamesTheSetting() {
    assertThatThrownBy(() -> PluginPaths.of(new File("a\0b"), SETTING))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage(
            "config path 'a\\u0000b' (parameter config, property kalamdb.config) contains a NUL"
                + " character");
  }

  @Test
  void aPlainPathIsThePath() throws Exception {
    assertThat(PluginPaths.of(new File("src/config.toml"), SETTING))
        .isEqualTo(Path.of("src/config.toml"));
  }
}

package org.kalamdb.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DisplayPathTest {
  @TempDir Path root;

  @Test
  void fileInsideRootIsNamedRelativeToIt() {
    Path file = root.resolve("module/src/main/resources/config.toml");

    assertThat(DisplayPath.of(file, root))
        .isEqualTo(
            String.join(File.separator, "module", "src", "main", "resources", "config.toml"));
  }

  @Test
  void relativeFileIsTakenRelativeToRoot() {
    assertThat(DisplayPath.of(Path.of("config.toml"), root)).isEqualTo("config.toml");
  }

  @Test
  void dotDotSegmentsAreResolvedBeforeDeciding() {
    Path inside = root.resolve("a/../b/config.toml");
    Path outside = root.resolve("../elsewhere/config.toml");

    assertThat(DisplayPath.of(inside, root)).isEqualTo("b" + File.separator + "config.toml");
    assertThat(DisplayPath.of(outside, root))
        .isEqualTo(root.getParent().resolve("elsewhere/config.toml").toString());
  }

  @Test
  void siblingWithTheRootAsNamePrefixIsNotInside() {
    // "/x/project-other" starts with the characters of "/x/project" but is not inside it.
    Path sibling = root.resolveSibling(root.getFileName() + "-other").resolve("config.toml");

    assertThat(DisplayPath.of(sibling, root)).isEqualTo(sibling.toString());
  }

  @Test
  void rootItselfIsNamedAbsolute() {
    assertThat(DisplayPath.of(root, root)).isEqualTo(root.toAbsolutePath().toString());
  }
}

package org.kalamdb.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kalamdb.config.Diagnostic;

class ProblemCountTest {

  @Test
  void countsBySeverity() {
    List<Diagnostic> diagnostics =
        List.of(
            Diagnostic.error("c.toml", 1, 1, null, "a"),
            Diagnostic.warning("c.toml", 2, 1, null, "b"),
            Diagnostic.error("c.toml", 3, 1, null, "c"));

    assertThat(ProblemCount.of(diagnostics)).isEqualTo(new ProblemCount(2, 1));
    assertThat(ProblemCount.of(List.of())).isEqualTo(new ProblemCount(0, 0));
  }

  @Test
  void warningsFailOnlyWhenAsked() {
    assertThat(new ProblemCount(0, 2).failsBuild(false)).isFalse();
    assertThat(new ProblemCount(0, 2).failsBuild(true)).isTrue();
    assertThat(new ProblemCount(1, 0).failsBuild(false)).isTrue();
    assertThat(new ProblemCount(0, 0).failsBuild(true)).isFalse();
  }

  @Test
  void messageCountsInWords() {
    assertThat(new ProblemCount(3, 1).failureMessage("config.toml", false))
        .isEqualTo("config.toml has 3 errors and 1 warning; see the lines above");
    assertThat(new ProblemCount(1, 0).failureMessage("config.toml", true))
        .isEqualTo("config.toml has 1 error; see the lines above");
    assertThat(new ProblemCount(1, 2).counts()).isEqualTo("1 error and 2 warnings");
    assertThat(new ProblemCount(0, 2).failureMessage("config.toml", true))
        .isEqualTo("config.toml has 2 warnings and failOnWarning is set; see the lines above");
  }
}

package org.kalamdb.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sentence the CLI and the Maven plugin both close a refused merge with. */
class MergeRefusalTest {

  @Test
  void theSentenceNamesTheSectionTheFileAndTheCounts() {
    Diagnostic error = new Diagnostic("f.toml", 4, 1, Severity.ERROR, "storage.rocksdb", "both");
    Diagnostic warning = new Diagnostic("f.toml", 2, 1, Severity.WARNING, null, "odd");

    assertThat(new MergeRefusal(Dialect.TOOLKIT, "f.toml", List.of(error)).sentence())
        .isEqualTo(
            "cannot merge the [rocksdb] section into f.toml, which has 1 error (see the lines"
                + " above); the file was left as it was");
    assertThat(
            new MergeRefusal(Dialect.KALAMDB_SERVER, "s.toml", List.of(error, error, warning))
                .sentence())
        .isEqualTo(
            "cannot merge the [storage.rocksdb] section into s.toml, which has 2 errors and 1"
                + " warning (see the lines above); the file was left as it was");
  }
}

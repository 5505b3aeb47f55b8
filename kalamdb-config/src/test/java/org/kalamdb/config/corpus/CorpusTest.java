package org.kalamdb.config.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kalamdb.config.ConfigValidator;
import org.kalamdb.config.Diagnostic;
import org.kalamdb.config.ValidationResult;

/** Runs every corpus case through the validator and compares its diagnostics exactly. */
class CorpusTest {

  @TestFactory
  Stream<DynamicTest> everyCaseGivesExactlyItsDiagnostics() {
    return CorpusCase.all().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name(),
                    () -> {
                      ValidationResult result =
                          new ConfigValidator(c.options()).validate(c.content(), c.fileName());
                      List<CorpusCase.Expected> actual =
                          result.diagnostics().stream().map(CorpusCase.Expected::of).toList();
                      assertThat(actual)
                          .as(
                              "%s diagnostics:%n%s",
                              c.name(),
                              String.join(
                                  "\n",
                                  result.diagnostics().stream().map(Diagnostic::format).toList()))
                          .containsExactlyElementsOf(c.expected());
                      assertThat(result.hasErrors()).isEqualTo(!c.valid());
                    }));
  }

  @Test
  void corpusIsLargeAndCoversValidAndInvalidFiles() {
    List<CorpusCase> cases = CorpusCase.all();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
    assertThat(cases).anyMatch(CorpusCase::valid);
    assertThat(cases).anyMatch(c -> !c.valid());
    assertThat(cases).anyMatch(c -> c.options().memoryBudgetMb().isPresent());
  }

  @Test
  void expectedLinesRoundTrip() {
    CorpusCase.Expected located = CorpusCase.Expected.parse("4:1 error rocksdb.x");
    assertThat(located.line()).isEqualTo(4);
    assertThat(located.column()).isEqualTo(1);
    assertThat(located.toString()).isEqualTo("4:1 error rocksdb.x");
    CorpusCase.Expected unlocated = CorpusCase.Expected.parse("- warning -");
    assertThat(unlocated.line()).isZero();
    assertThat(unlocated.key()).isNull();
    assertThat(unlocated.toString()).isEqualTo("- warning -");
  }
}

package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.kalamdb.store.KalamStore;

/** Messages that name the right thing: counts, empty names, long declaration names. */
class MessagesTest {
  @TempDir Path base;

  private static String printedBy(Runnable run) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      run.run();
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static String failureOf(EngineExecutionResults results) {
    Throwable thrown =
        results
            .allEvents()
            .failed()
            .list()
            .get(0)
            .getRequiredPayload(TestExecutionResult.class)
            .getThrowable()
            .orElseThrow();
    StringBuilder messages = new StringBuilder();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      messages.append(t.getMessage()).append('\n');
    }
    return messages.toString();
  }

  @Fixture
  @KalamStoreTest
  static class OnlyTheDefaultColumnFamily {
    @Test
    void test(KalamStore store) {}
  }

  @Test
  void theWorstCaseBudgetOfOneColumnFamilyIsSingular() {
    String printed =
        printedBy(
            () ->
                Fixtures.under(base)
                    .with("kalamdb.store.report-stdout", null)
                    .run(OnlyTheDefaultColumnFamily.class));

    assertThat(printed)
        .contains(
            "of its budget of 3 MB (worst case of the config for 1 column family: 1 x 1 MB x 2 + 1"
                + " MB cache)")
        .doesNotContain("1 column families");
  }

  @Fixture
  @KalamStoreTest
  static class EmptyNameOnTempStore {
    @Test
    void test(@TempStore(columnFamilies = {""}) KalamStore store) {}
  }

  @Fixture
  @KalamStoreTest(columnFamilies = {"users", ""})
  static class EmptyNameOnKalamStoreTest {
    @Test
    void test(KalamStore store) {}
  }

  @Test
  void anEmptyColumnFamilyNameIsShownQuoted() {
    assertThat(failureOf(Fixtures.under(base).run(EmptyNameOnTempStore.class)))
        .contains("column families [\"\"]:");
    assertThat(failureOf(Fixtures.under(base).run(EmptyNameOnKalamStoreTest.class)))
        .contains("column families [\"users\", \"\"]:");
  }

  @Fixture
  @KalamStoreTest
  static class LongFieldName {
    @TempStore
    KalamStore
        aLongFieldNamexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx;

    @Test
    void test() {
      assertThat(
              aLongFieldNamexxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx)
          .isNotNull();
    }
  }

  @Test
  void aLongFieldNameGetsAShortenedDirectoryNotABaseDirError() {
    EngineExecutionResults results = Fixtures.under(base).run(LongFieldName.class);

    results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
  }
}

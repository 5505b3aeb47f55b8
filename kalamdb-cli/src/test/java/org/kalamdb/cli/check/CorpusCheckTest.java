package org.kalamdb.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kalamdb.cli.CliRun;
import org.kalamdb.config.Severity;
import org.kalamdb.config.corpus.CorpusCase;

/**
 * Every case of kalamdb-config's corpus through the real {@code kalamdb check}: the printed lines
 * are exactly the expected diagnostics (position, severity) followed by the summary, the JSON
 * carries the same diagnostics with their keys, and the exit code is 1 exactly when a case has an
 * error.
 */
class CorpusCheckTest {

  @TempDir Path dir;

  static List<CorpusCase> cases() {
    return CorpusCase.all();
  }

  @Test
  void theCorpusIsThere() {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(40);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void checkPrintsExactlyTheExpectedDiagnostics(CorpusCase corpusCase) throws IOException {
    Path file = corpusCase.writeTo(dir);
    CliRun text = CliRun.of(args(corpusCase, file, false));
    CliRun json = CliRun.of(args(corpusCase, file, true));

    int expectedExit = corpusCase.valid() ? 0 : 1;
    assertThat(text.exitCode()).as(text.toString()).isEqualTo(expectedExit);
    assertThat(json.exitCode()).as(json.toString()).isEqualTo(expectedExit);
    assertThat(text.err()).isEmpty();

    JsonNode fileJson = new ObjectMapper().readTree(json.out()).get("files").get(0);
    List<CorpusCase.Expected> reported = new ArrayList<>();
    List<String> formatted = new ArrayList<>();
    for (JsonNode d : fileJson.get("diagnostics")) {
      Severity severity = Severity.valueOf(d.get("severity").asText().toUpperCase(Locale.ROOT));
      int line = d.get("line").asInt();
      int column = d.get("column").asInt();
      reported.add(
          new CorpusCase.Expected(
              line, column, severity, d.get("key").isNull() ? null : d.get("key").asText()));
      String where = line == 0 ? file.toString() : file + ":" + line + ":" + column;
      formatted.add(where + ": " + severity.label() + ": " + d.get("message").asText());
    }
    assertThat(reported).as(json.out()).isEqualTo(corpusCase.expected());
    assertThat(fileJson.get("valid").asBoolean()).isEqualTo(corpusCase.valid());

    List<String> lines = text.outLines();
    assertThat(lines).hasSize(corpusCase.expected().size() + 1);
    assertThat(lines.subList(0, lines.size() - 1)).isEqualTo(formatted);
    String summary = lines.get(lines.size() - 1);
    assertThat(summary).startsWith(file + ": ");
    if (corpusCase.valid()) {
      assertThat(summary).contains(": ok", "worst case");
    } else {
      assertThat(summary).endsWith("; not valid");
    }
  }

  private static String[] args(CorpusCase corpusCase, Path file, boolean json) {
    List<String> args = new ArrayList<>();
    args.add("check");
    if (json) {
      args.add("--json");
    }
    args.addAll(corpusCase.checkArgs());
    args.add(file.toString());
    return args.toArray(String[]::new);
  }
}

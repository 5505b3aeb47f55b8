package org.kalamdb.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.kalamdb.config.corpus.CorpusCase;

/**
 * Random and mutated input never makes the validator or the writer throw: every outcome is a result
 * whose diagnostics are located inside the file or explicitly unlocated.
 */
class ValidatorFuzzTest {
  private static final List<byte[]> SEEDS = seeds();
  private static final List<String> JUNK =
      List.of(
          "[",
          "]",
          "[[",
          "]]",
          "=",
          "\"",
          "\"\"\"",
          "'''",
          "'",
          "{",
          "}",
          ",",
          ".",
          "#",
          "\n",
          "\r\n",
          "\r",
          "\\",
          "\\u",
          "rocksdb",
          "rocksdb.",
          "[rocksdb]",
          "write_buffer_size_mb",
          " = ",
          "0",
          "-1",
          "99999999999999999999",
          "1e9",
          "true",
          "1979-05-27",
          "\u0000",
          "\uFEFF",
          "\uFFFD",
          "\uD83D\uDE00",
          "\u00e9",
          "\t");

  private static List<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>();
    for (CorpusCase c : CorpusCase.all()) {
      seeds.add(c.content());
    }
    seeds.add(ConfigWriter.render(RocksDbConfig.defaults()).getBytes(StandardCharsets.UTF_8));
    seeds.add(
        ConfigWriter.render(new RocksDbConfig(64, 4, 0, 128)).getBytes(StandardCharsets.UTF_8));
    return seeds;
  }

  @Provide
  Arbitrary<byte[]> inputs() {
    Arbitrary<byte[]> randomBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    Arbitrary<byte[]> randomText =
        Arbitraries.strings().all().ofMaxLength(200).map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> junk =
        Arbitraries.of(JUNK)
            .list()
            .ofMaxSize(40)
            .map(l -> String.join("", l))
            .map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> mutated =
        Combinators.combine(Arbitraries.of(SEEDS), mutations().list().ofMinSize(1).ofMaxSize(4))
            .as(ValidatorFuzzTest::apply);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, randomBytes),
        net.jqwik.api.Tuple.of(1, randomText),
        net.jqwik.api.Tuple.of(2, junk),
        net.jqwik.api.Tuple.of(6, mutated));
  }

  /** A mutation: kind, position (as a fraction of the length), and a junk token or byte. */
  private record Mutation(int kind, double where, String token, byte value) {}

  private static Arbitrary<Mutation> mutations() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 4),
            Arbitraries.doubles().between(0, 1),
            Arbitraries.oneOf(Arbitraries.of(JUNK), Arbitraries.strings().all().ofMaxLength(4)),
            Arbitraries.bytes())
        .as(Mutation::new);
  }

  private static byte[] apply(byte[] seed, List<Mutation> mutations) {
    byte[] data = seed;
    for (Mutation m : mutations) {
      int at = (int) (m.where() * data.length);
      switch (m.kind()) {
        case 0 -> { // flip a byte
          if (data.length > 0) {
            data = data.clone();
            data[Math.min(at, data.length - 1)] ^= m.value() == 0 ? 1 : m.value();
          }
        }
        case 1 -> data = Arrays.copyOf(data, at); // truncate
        case 2 -> data = insert(data, at, m.token().getBytes(StandardCharsets.UTF_8));
        case 3 -> { // drop a few bytes
          int end = Math.min(data.length, at + 1 + Math.abs(m.value() % 8));
          data = insert(Arrays.copyOf(data, at), at, Arrays.copyOfRange(data, end, data.length));
        }
        default -> data = insert(data, at, new byte[] {m.value()}); // raw byte
      }
    }
    return data;
  }

  private static byte[] insert(byte[] data, int at, byte[] piece) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(data, 0, Math.min(at, data.length));
    out.writeBytes(piece);
    if (at < data.length) {
      out.write(data, at, data.length - at);
    }
    return out.toByteArray();
  }

  @Property(tries = 1500, edgeCases = EdgeCasesMode.NONE)
  void validatorAlwaysAnswersWithLocatedOrUnlocatedDiagnostics(@ForAll("inputs") byte[] input) {
    for (CheckOptions options : List.of(CheckOptions.none(), CheckOptions.budget(64, 500))) {
      ValidationResult result = new ConfigValidator(options).validate(input, "fuzz.toml");
      int lines = lineCount(input);
      assertThat(result.file()).isEqualTo("fuzz.toml");
      assertThat(result.config()).isNotNull();
      for (Diagnostic d : result.diagnostics()) {
        assertThat(d.file()).isEqualTo("fuzz.toml");
        assertThat(d.message()).doesNotContain("internal error").isNotBlank();
        assertThat(d.line()).isBetween(0, lines);
        assertThat(d.column() == 0).isEqualTo(d.line() == 0);
      }
      assertThat(result.diagnostics())
          .isSortedAccordingTo(
              (a, b) ->
                  a.line() == 0 || b.line() == 0
                      ? Boolean.compare(a.line() == 0, b.line() == 0)
                      : a.line() != b.line()
                          ? Integer.compare(a.line(), b.line())
                          : Integer.compare(a.column(), b.column()));
    }
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
  void mergeIntoAnyParsableFileReadsBackAndIsStable(@ForAll("inputs") byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    RocksDbConfig config = new RocksDbConfig(16, 2, 8, 0);
    String merged = ConfigWriter.merge(text, config);
    if (CleanToml.parse(text).isEmpty() || text.contains("\uFFFD") || text.startsWith("\uFEFF")) {
      return;
    }
    // Forced: a text with [storage.rocksdb] too holds both sections after the merge, which write()
    // refuses; merge() itself must still produce a [rocksdb] that reads back.
    ValidationResult result =
        new ConfigValidator(CheckOptions.none().withDialect(Dialect.TOOLKIT))
            .validate(merged.getBytes(StandardCharsets.UTF_8), "merged.toml");
    assertThat(result.errors()).as(merged).isEmpty();
    assertThat(result.config()).isEqualTo(config);
    assertThat(ConfigWriter.merge(merged, config)).isEqualTo(merged);
  }

  private static int lineCount(byte[] input) {
    int lines = 1;
    for (byte b : input) {
      if (b == '\n') {
        lines++;
      }
    }
    return lines;
  }
}

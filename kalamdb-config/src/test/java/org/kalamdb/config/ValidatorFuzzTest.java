package org.kalamdb.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.kalamdb.config.corpus.CorpusCase;

/**
 * Random and mutated input never makes the validator (either dialect) or the writer throw: every
 * outcome is a result whose diagnostics are located inside the file or explicitly unlocated. The
 * inputs come from a seeded generator (corpus files mutated, junk tokens, random bytes and text),
 * so every run checks the same inputs and a failure names the one that failed.
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

  /** Fixed, so a failure reproduces; the message names the try that failed. */
  private static final long SEED = 0x6b616c616dL;

  /** One random input: raw bytes, random text, junk tokens or a mutated seed (weights 1:1:2:6). */
  private static byte[] input(SplittableRandom random) {
    int pick = random.nextInt(10);
    if (pick == 0) {
      byte[] bytes = new byte[random.nextInt(301)];
      random.nextBytes(bytes);
      return bytes;
    }
    if (pick == 1) {
      return randomText(random, 200).getBytes(StandardCharsets.UTF_8);
    }
    if (pick <= 3) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(41); i > 0; i--) {
        text.append(JUNK.get(random.nextInt(JUNK.size())));
      }
      return text.toString().getBytes(StandardCharsets.UTF_8);
    }
    byte[] data = SEEDS.get(random.nextInt(SEEDS.size()));
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      data = mutate(data, random);
    }
    return data;
  }

  /** Any code points, surrogate halves and control characters included. */
  private static String randomText(SplittableRandom random, int maxLength) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
      text.append((char) random.nextInt(Character.MAX_VALUE + 1));
    }
    return text.toString();
  }

  private static byte[] mutate(byte[] data, SplittableRandom random) {
    int at = data.length == 0 ? 0 : random.nextInt(data.length + 1);
    byte value = (byte) random.nextInt(256);
    String token =
        random.nextBoolean() ? JUNK.get(random.nextInt(JUNK.size())) : randomText(random, 4);
    switch (random.nextInt(5)) {
      case 0 -> { // flip a byte
        if (data.length > 0) {
          data = data.clone();
          data[Math.min(at, data.length - 1)] ^= value == 0 ? 1 : value;
        }
      }
      case 1 -> data = Arrays.copyOf(data, at); // truncate
      case 2 -> data = insert(data, at, token.getBytes(StandardCharsets.UTF_8));
      case 3 -> { // drop a few bytes
        int end = Math.min(data.length, at + 1 + Math.abs(value % 8));
        data = insert(Arrays.copyOf(data, at), at, Arrays.copyOfRange(data, end, data.length));
      }
      default -> data = insert(data, at, new byte[] {value}); // raw byte
    }
    return data;
  }

  /** Runs {@code property} on {@code tries} inputs; a failure names the try and the input. */
  private static void forEachInput(int tries, Consumer<byte[]> property) {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int i = 0; i < tries; i++) {
      byte[] input = input(random);
      try {
        property.accept(input);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "try " + i + " of seed " + SEED + ", input " + Arrays.toString(input), e);
      }
    }
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

  @Test
  void validatorAlwaysAnswersWithLocatedOrUnlocatedDiagnostics() {
    forEachInput(1500, ValidatorFuzzTest::answersWithDiagnostics);
  }

  private static void answersWithDiagnostics(byte[] input) {
    for (CheckOptions options :
        List.of(
            CheckOptions.none(),
            CheckOptions.budget(64, 500),
            CheckOptions.fileOnly().withDialect(Dialect.KALAMDB_SERVER),
            CheckOptions.budget(8, 6).withDialect(Dialect.TOOLKIT))) {
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

  @Test
  void mergeIntoAnyParsableFileReadsBackAndIsStable() {
    forEachInput(1000, ValidatorFuzzTest::mergeReadsBack);
  }

  private static void mergeReadsBack(byte[] input) {
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

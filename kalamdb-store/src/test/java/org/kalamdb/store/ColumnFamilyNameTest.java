package org.kalamdb.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.config.RocksDbConfig;

/** Names that UTF-8 cannot carry are refused before RocksDB folds them into {@code ?}. */
class ColumnFamilyNameTest {
  private static final String LONE_HIGH = String.valueOf((char) 0xD800);
  private static final String LONE_LOW = String.valueOf((char) 0xDC00);

  @TempDir Path dir;

  @Test
  void aLoneSurrogateNoLongerCollidesWithAQuestionMark() {
    try (KalamStore store = KalamStore.open(dir, RocksDbConfig.defaults(), List.of("?"))) {
      store.put("?", "k".getBytes(UTF_8), "question mark".getBytes(UTF_8));

      assertThatThrownBy(() -> store.createColumnFamily(LONE_HIGH))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "column family name is not valid UTF-16: unpaired surrogate U+D800 at index 0");
      // The real "?" is untouched, and no second name maps onto it.
      assertThat(store.columnFamilyNames()).containsExactly("default", "?");
      assertThat(new String(store.get("?", "k".getBytes(UTF_8)), UTF_8)).isEqualTo("question mark");
    }
  }

  @Test
  void openRefusesALoneSurrogateNamingItsIndex() {
    assertThatThrownBy(
            () -> KalamStore.open(dir, RocksDbConfig.defaults(), List.of("?", "ab" + LONE_LOW)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired surrogate U+DC00 at index 2");
  }

  @Test
  void aSurrogatePairIsAValidName() {
    String emoji = "t\uD83D\uDE00";
    try (KalamStore store = KalamStore.open(dir, RocksDbConfig.defaults(), List.of(emoji))) {
      store.put(emoji, "k".getBytes(UTF_8), "v".getBytes(UTF_8));
      assertThat(store.columnFamilyNames()).contains(emoji);
    }
  }

  @Test
  void rocksDbOptionsRefuseLoneSurrogatesToo() {
    try (RocksDbOptions options = RocksDbOptions.from(RocksDbConfig.defaults())) {
      assertThatThrownBy(() -> options.descriptors(List.of("default", "x" + LONE_HIGH)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unpaired surrogate U+D800 at index 1");
      assertThatThrownBy(() -> options.columnFamilyOptions(LONE_HIGH + "x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at index 0");
      // A high surrogate followed by another high one is unpaired too.
      assertThatThrownBy(() -> options.columnFamilyOptions(LONE_HIGH + LONE_HIGH + LONE_LOW))
          .hasMessageContaining("at index 0");
    }
  }
}

package org.kalamdb.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeySuggestionTest {
  private static final List<String> KEYS =
      List.of(
          "write_buffer_size_mb",
          "max_write_buffer_number",
          "block_cache_size_mb",
          "memtable_limit_mb");

  @Test
  void typosFindTheirKey() {
    assertThat(KeySuggestion.closest("write_bufer_size_mb", KEYS)).contains("write_buffer_size_mb");
    assertThat(KeySuggestion.closest("blok_cache_size_mb", KEYS)).contains("block_cache_size_mb");
    assertThat(KeySuggestion.closest("Memtable_Limit_MB", KEYS)).contains("memtable_limit_mb");
    assertThat(KeySuggestion.closest("max_write_buffers", KEYS))
        .contains("max_write_buffer_number");
  }

  @Test
  void unrelatedNamesGetNoSuggestion() {
    assertThat(KeySuggestion.closest("compression", KEYS)).isEmpty();
    assertThat(KeySuggestion.closest("x", KEYS)).isEmpty();
    assertThat(KeySuggestion.closest("anything", List.of())).isEmpty();
  }

  @Test
  void distanceCountsEdits() {
    assertThat(KeySuggestion.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(KeySuggestion.distance("", "abc")).isEqualTo(3);
    assertThat(KeySuggestion.distance("RocksDB", "rocksdb")).isZero();
    assertThat(KeySuggestion.distance("rocksbd", "rocksdb")).isEqualTo(2);
  }
}

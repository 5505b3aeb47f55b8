package org.kalamdb.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryComponentTest {

  @Test
  void eachKeyOfTheReportHasTheWordsOfTheFailureMessage() {
    assertThat(MemoryComponent.words("memtables")).isEqualTo("memtables");
    assertThat(MemoryComponent.words("blockCache")).isEqualTo("block cache");
    assertThat(MemoryComponent.words("tableReaders")).isEqualTo("table readers");
    assertThat(MemoryComponent.words("inMemoryFiles")).isEqualTo("in-memory files");
    assertThat(MemoryComponent.BLOCK_CACHE.key()).isEqualTo("blockCache");
  }

  @Test
  void aKeyOfAnotherVersionIsShownAsItIs() {
    assertThat(MemoryComponent.words("pinnedBlocks")).isEqualTo("pinnedBlocks");
  }
}

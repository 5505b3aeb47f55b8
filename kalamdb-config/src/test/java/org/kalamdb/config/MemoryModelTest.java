package org.kalamdb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class MemoryModelTest {
  private static final RocksDbConfig SEED = RocksDbConfig.defaults();

  @Test
  void seedSettingsGrowWithTheColumnFamilyCount() {
    assertThat(MemoryModel.worstCaseMb(SEED, 57)).isEqualTo(57 * 8 * 2 + 32);
    assertThat(MemoryModel.worstCaseMb(SEED, 1)).isEqualTo(48);
    assertThat(MemoryModel.formula(SEED, 57)).isEqualTo("57 x 8 MB x 2 + 32 MB cache");
  }

  @Test
  void worstCaseSentenceNamesFigureCountAndFormula() {
    assertThat(MemoryModel.worstCaseSentence(SEED, 57))
        .isEqualTo("worst case 944 MB for 57 column families (57 x 8 MB x 2 + 32 MB cache)");
    assertThat(MemoryModel.worstCaseSentence(SEED, 1))
        .isEqualTo("worst case 48 MB for 1 column family (1 x 8 MB x 2 + 32 MB cache)");
  }

  @Test
  void oneWriteBufferCountsAsTwoBecauseRocksDbRaisesIt() {
    RocksDbConfig one = SEED.withMaxWriteBufferNumber(1);
    assertThat(MemoryModel.worstCaseMb(one, 57)).isEqualTo(MemoryModel.worstCaseMb(SEED, 57));
    assertThat(MemoryModel.formula(one, 57)).isEqualTo("57 x 8 MB x 2 + 32 MB cache");
    assertThat(MemoryModel.worstCaseMb(SEED.withMaxWriteBufferNumber(4), 10)).isEqualTo(352);
  }

  @Test
  void hardCapGrowsWithTheColumnFamilyCountOnlyByThePerCfOverhead() {
    // The measured figure (54-62 KB of RSS per column family, rounded up to 64 KB).
    assertThat(MemoryModel.HARD_CAP_OVERHEAD_PER_CF_KB).isEqualTo(64);
    RocksDbConfig capped = SEED.withMemtableLimitMb(32);
    for (int columnFamilies : new int[] {1, 15, 16, 17, 57, 200, 500, 20_000}) {
      long overhead = MemoryModel.hardCapOverheadMb(columnFamilies);
      // CFs x 64 KB, rounded up to whole MB once per store.
      assertThat(overhead)
          .as("%d CFs", columnFamilies)
          .isEqualTo((columnFamilies * 64L + 1023) / 1024);
      // Cache and memtable limit stay 32 + 32 MB whatever the count.
      assertThat(MemoryModel.worstCaseMb(capped, columnFamilies) - overhead)
          .as("%d CFs", columnFamilies)
          .isEqualTo(64);
    }
    // 16 CFs x 64 KB = 1 MB exactly; 17 round up to 2; 57 x 64 KB = 3648 KB -> 4 MB.
    assertThat(MemoryModel.worstCaseMb(capped, 16)).isEqualTo(65);
    assertThat(MemoryModel.worstCaseMb(capped, 17)).isEqualTo(66);
    assertThat(MemoryModel.worstCaseMb(capped, 57)).isEqualTo(68);
    assertThat(MemoryModel.formula(capped, 57))
        .isEqualTo("32 MB cache + 32 MB memtable limit + 57 x 64 KB overhead");
  }

  @Test
  void absurdValuesAreExactNeitherWrappedNorSaturated() {
    RocksDbConfig huge =
        new RocksDbConfig(
            RocksDbConfig.MAX_SIZE_MB, Integer.MAX_VALUE, RocksDbConfig.MAX_SIZE_MB, 0);
    // (2^31 - 1) CFs x (2^43 - 1) MB x (2^31 - 1) + (2^43 - 1) MB: far beyond a long.
    BigInteger max = BigInteger.valueOf(RocksDbConfig.MAX_SIZE_MB);
    BigInteger exact =
        max.multiply(BigInteger.valueOf(Integer.MAX_VALUE))
            .multiply(BigInteger.valueOf(Integer.MAX_VALUE))
            .add(max);
    assertThat(MemoryModel.worstCaseMbExact(huge, Integer.MAX_VALUE)).isEqualTo(exact);
    // The long form is only for comparisons: more than any long is no limit.
    assertThat(MemoryModel.worstCaseMb(huge, Integer.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    RocksDbConfig hugeCap =
        new RocksDbConfig(1, 2, RocksDbConfig.MAX_SIZE_MB, RocksDbConfig.MAX_SIZE_MB);
    // Cache + limit + 1 CF x 64 KB, rounded up to 1 MB.
    assertThat(MemoryModel.worstCaseMb(hugeCap, 1)).isEqualTo(2 * RocksDbConfig.MAX_SIZE_MB + 1);
    // (2^31 - 1) x 64 KB = 2^27 MB - 64 KB, rounded up to 2^27 MB: no wrap in the overhead either.
    assertThat(MemoryModel.worstCaseMb(hugeCap, Integer.MAX_VALUE))
        .isEqualTo(2 * RocksDbConfig.MAX_SIZE_MB + (1L << 27));
  }

  @Test
  void theIssuesInputIsPrintedExactly() {
    // write_buffer_size_mb = 8796093022207 for 2147483647 column families (issue 10).
    RocksDbConfig config = SEED.withWriteBufferSizeMb(RocksDbConfig.MAX_SIZE_MB);
    assertThat(MemoryModel.worstCaseSentence(config, Integer.MAX_VALUE))
        .isEqualTo(
            "worst case 37778931845360680697890 MB for 2147483647 column families"
                + " (2147483647 x 8796093022207 MB x 2 + 32 MB cache)");
    assertThat(
            MemoryModel.checkBudget(config, Integer.MAX_VALUE, 64, "c.toml")
                .orElseThrow()
                .message())
        .startsWith("worst case 37778931845360680697890 MB for 2147483647 column families exceeds");
    // The comparison is exact too: a budget of MAX_SIZE_MB does not hold it.
    assertThat(
            MemoryModel.checkBudget(config, Integer.MAX_VALUE, RocksDbConfig.MAX_SIZE_MB, "c.toml"))
        .isPresent();
  }

  @Test
  void oneColumnFamilyIsSingularInEveryMessage() {
    assertThat(MemoryModel.checkBudget(SEED, 1, 1, "c.toml").orElseThrow().message())
        .isEqualTo(
            "worst case 48 MB for 1 column family exceeds the budget of 1 MB"
                + " (1 x 8 MB x 2 + 32 MB cache)");
  }

  @Test
  void budgetErrorHasTheDesignWording() {
    Diagnostic error = MemoryModel.checkBudget(SEED, 57, 64, "config.toml").orElseThrow();
    assertThat(error.format())
        .isEqualTo(
            "config.toml: error: worst case 944 MB for 57 column families exceeds the budget of"
                + " 64 MB (57 x 8 MB x 2 + 32 MB cache)");
    assertThat(error.line()).isZero();
  }

  @Test
  void budgetThatHoldsTheWorstCaseGivesNothing() {
    assertThat(MemoryModel.checkBudget(SEED, 57, 944, "config.toml")).isEmpty();
    assertThat(MemoryModel.checkBudget(SEED, 57, 943, "config.toml")).isPresent();
  }

  @Test
  void minimumMemtableLimitIsRoundedUpPerColumnFamily() {
    assertThat(MemoryModel.MIN_MEMTABLE_LIMIT_PER_CF_KB).isEqualTo(128);
    assertThat(MemoryModel.minimumMemtableLimitMb(1)).isEqualTo(1);
    assertThat(MemoryModel.minimumMemtableLimitMb(8)).isEqualTo(1);
    assertThat(MemoryModel.minimumMemtableLimitMb(9)).isEqualTo(2);
    assertThat(MemoryModel.minimumMemtableLimitMb(57)).isEqualTo(8);
    assertThat(MemoryModel.minimumMemtableLimitMb(Integer.MAX_VALUE))
        .isEqualTo(((long) Integer.MAX_VALUE * 128 + 1023) / 1024);
  }

  @Test
  void minimumAgreesWithTheHardCapMeasurements() {
    // A 32 MB cap held 200 column families and failed at 500 (DESIGN, "Hard cap").
    assertThat(MemoryModel.minimumMemtableLimitMb(200)).isLessThanOrEqualTo(32);
    assertThat(MemoryModel.minimumMemtableLimitMb(500)).isGreaterThan(32);
  }

  @Test
  void columnFamilyCountBelowOneIsRefused() {
    assertThatThrownBy(() -> MemoryModel.worstCaseMb(SEED, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("columnFamilies");
    assertThatThrownBy(() -> MemoryModel.minimumMemtableLimitMb(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

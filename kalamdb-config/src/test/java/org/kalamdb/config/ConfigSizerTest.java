package org.kalamdb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConfigSizerTest {

  @Test
  void roomyBudgetKeepsThePlainShape() {
    RocksDbConfig config = ConfigSizer.forBudget(1024, 57);
    assertThat(config).isEqualTo(new RocksDbConfig(8, 2, 32, 0));
    assertThat(MemoryModel.worstCaseMb(config, 57)).isLessThanOrEqualTo(1024);
  }

  @Test
  void writeBufferIsCappedAt64Mb() {
    assertThat(ConfigSizer.forBudget(100_000, 1)).isEqualTo(new RocksDbConfig(64, 2, 32, 0));
  }

  @Test
  void tightBudgetSwitchesToTheHardCap() {
    // Cache 64 / 2 = 32; limit 64 - 32 - 4 MB overhead (57 x 64 KB, rounded up) = 28; write
    // buffer 28 / 4 = 7.
    RocksDbConfig config = ConfigSizer.forBudget(64, 57);
    assertThat(MemoryModel.hardCapOverheadMb(57)).isEqualTo(4);
    assertThat(config).isEqualTo(new RocksDbConfig(7, 2, 32, 28));
    assertThat(MemoryModel.worstCaseMb(config, 57)).isEqualTo(64);
  }

  @Test
  void capIsRaisedToTheMinimumAndTheCacheShrinks() {
    // 500 column families need 63 MB of memtable limit (500 x 128 KB) and 32 MB of overhead (500 x
    // 64 KB, rounded up); half of 120 MB as cache would leave 120 - 60 - 32 = 28 MB of limit, so
    // the limit is raised to 63 and the cache shrinks to 120 - 63 - 32 = 25.
    RocksDbConfig config = ConfigSizer.forBudget(120, 500);
    assertThat(MemoryModel.minimumMemtableLimitMb(500)).isEqualTo(63);
    assertThat(MemoryModel.hardCapOverheadMb(500)).isEqualTo(32);
    assertThat(config.memtableLimitMb()).isEqualTo(63);
    assertThat(config.blockCacheSizeMb()).isEqualTo(25);
    assertThat(MemoryModel.worstCaseMb(config, 500)).isEqualTo(120);
  }

  @Test
  void impossibleBudgetNamesTheSmallestThatFits() {
    long smallest = ConfigSizer.smallestBudgetMb(57);
    assertThat(smallest).isEqualTo(8 + MemoryModel.hardCapOverheadMb(57));
    assertThatThrownBy(() -> ConfigSizer.forBudget(smallest - 1, 57))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the smallest budget that does is " + smallest + " MB");
    assertThat(ConfigSizer.forBudget(smallest, 57).memtableLimitMb()).isEqualTo(8);
  }

  @Test
  void nonsenseArgumentsAreRefused() {
    assertThatThrownBy(() -> ConfigSizer.forBudget(0, 57))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConfigSizer.forBudget(64, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everySizedConfigPassesTheValidatorWithTheSameBudget() {
    // Seeded, so every run checks the same 1000 pairs; the boundaries are always among them.
    SplittableRandom random = new SplittableRandom(57);
    sizedConfigPasses(1, 1);
    sizedConfigPasses(1_000_000, 20_000);
    for (int i = 0; i < 1000; i++) {
      sizedConfigPasses(random.nextLong(1, 1_000_001), random.nextInt(1, 20_001));
    }
  }

  private static void sizedConfigPasses(long budgetMb, int columnFamilies) {
    RocksDbConfig config;
    try {
      config = ConfigSizer.forBudget(budgetMb, columnFamilies);
    } catch (IllegalArgumentException tooSmall) {
      assertThat(budgetMb).isLessThan(ConfigSizer.smallestBudgetMb(columnFamilies));
      return;
    }
    assertThat(MemoryModel.worstCaseMb(config, columnFamilies)).isLessThanOrEqualTo(budgetMb);
    byte[] file = ConfigWriter.render(config).getBytes(StandardCharsets.UTF_8);
    ValidationResult result =
        new ConfigValidator(CheckOptions.budget(budgetMb, columnFamilies))
            .validate(file, "sized.toml");
    assertThat(result.diagnostics()).as(budgetMb + " MB, " + columnFamilies + " CFs").isEmpty();
    assertThat(result.config()).isEqualTo(config);
  }
}

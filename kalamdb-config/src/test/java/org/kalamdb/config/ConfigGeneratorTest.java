package org.kalamdb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generate path the Maven goal and the CLI share. */
class ConfigGeneratorTest {
  private static final ConfigOverrides NONE = new ConfigOverrides(null, null, null, null);
  private static final String SERVER =
      "[server]\nport = 1\n\n[storage.rocksdb]\nmax_background_jobs = 2\n";

  @TempDir Path dir;

  private static CheckOptions budget(Long budgetMb, Integer columnFamilies) {
    return new CheckOptions(
        budgetMb == null ? OptionalLong.empty() : OptionalLong.of(budgetMb),
        columnFamilies == null ? OptionalInt.empty() : OptionalInt.of(columnFamilies),
        Optional.empty());
  }

  @Test
  void aServerFileStaysOneAndEverythingElseGetsTheToolkitSection() throws IOException {
    Path server = Files.writeString(dir.resolve("server.toml"), SERVER);
    Path other = Files.writeString(dir.resolve("config.toml"), "[server]\nport = 1\n");
    Path both = Files.writeString(dir.resolve("both.toml"), SERVER + "[rocksdb]\n");

    assertThat(new ConfigGenerator(budget(null, null), NONE, server).dialect())
        .isEqualTo(Dialect.KALAMDB_SERVER);
    assertThat(new ConfigGenerator(budget(null, null), NONE, other).dialect())
        .isEqualTo(Dialect.TOOLKIT);
    assertThat(new ConfigGenerator(budget(null, null), NONE, both).dialect())
        .isEqualTo(Dialect.TOOLKIT);
    assertThat(new ConfigGenerator(budget(null, null), NONE, dir.resolve("missing")).dialect())
        .isEqualTo(Dialect.TOOLKIT);
    assertThat(new ConfigGenerator(budget(null, null), NONE, null).dialect())
        .isEqualTo(Dialect.TOOLKIT);
    assertThat(
            new ConfigGenerator(budget(null, null).withDialect(Dialect.TOOLKIT), NONE, server)
                .dialect())
        .isEqualTo(Dialect.TOOLKIT);
  }

  /** Detection reads the file on its own: a cap too small for 57 column families is no matter. */
  @Test
  void detectionDoesNotDependOnAColumnFamilyCount() throws IOException {
    Path capped =
        Files.writeString(dir.resolve("config.toml"), "[rocksdb]\nmemtable_limit_mb = 1\n");

    ConfigGenerator generator = new ConfigGenerator(budget(null, null), NONE, capped);

    assertThat(generator.dialect()).isEqualTo(Dialect.TOOLKIT);
    assertThat(generator.options().dialect()).contains(Dialect.TOOLKIT);
  }

  @Test
  void toolkitValuesAreSizedThenTheExplicitOnesPutOverThem() throws GenerateRefusal {
    ConfigGenerator generator =
        new ConfigGenerator(budget(512L, 100), new ConfigOverrides(null, 3, null, 64L), null);

    assertThat(generator.values(null))
        .isEqualTo(
            ConfigSizer.forBudget(512, 100).withMaxWriteBufferNumber(3).withMemtableLimitMb(64));
    assertThat(new ConfigGenerator(budget(null, null), NONE, null).values(null))
        .isEqualTo(RocksDbConfig.defaults());
  }

  @Test
  void serverValuesKeepTheTargetsSettings() throws IOException, GenerateRefusal {
    Path server = Files.writeString(dir.resolve("server.toml"), SERVER);

    ConfigGenerator generator = new ConfigGenerator(budget(32L, null), NONE, server);

    assertThat(generator.values(server))
        .isEqualTo(ConfigSizer.forServerBudget(32, ConfigSizer.serverBase(server)));
    assertThat(generator.values(server).dbSettings().maxBackgroundJobs()).hasValue(2);
  }

  @Test
  void eachRefusalSaysWhy() {
    CheckOptions server = budget(null, null).withDialect(Dialect.KALAMDB_SERVER);

    assertThat(reason(new ConfigGenerator(server, new ConfigOverrides(4L, null, null, null), null)))
        .isEqualTo(GenerateRefusal.Reason.TOOLKIT_VALUES_FOR_SERVER);
    assertThat(
            reason(
                new ConfigGenerator(
                    budget(null, 57).withDialect(Dialect.KALAMDB_SERVER), NONE, null)))
        .isEqualTo(GenerateRefusal.Reason.COLUMN_FAMILIES_FOR_SERVER);
    assertThat(
            reason(
                new ConfigGenerator(
                    budget(null, null), new ConfigOverrides(0L, null, null, null), null)))
        .isEqualTo(GenerateRefusal.Reason.VALUE_OUT_OF_RANGE);
    GenerateRefusal tooSmall =
        catchThrowableOfType(
            GenerateRefusal.class,
            () -> new ConfigGenerator(budget(4L, 57), NONE, null).values(null));
    assertThat(tooSmall.reason()).isEqualTo(GenerateRefusal.Reason.BUDGET_TOO_SMALL);
    assertThat(tooSmall.getMessage()).contains("the smallest budget that does is 12 MB");
  }

  @Test
  void theCheckIsCheckConfigsWithTheBudget() throws GenerateRefusal {
    ConfigGenerator generator =
        new ConfigGenerator(budget(256L, null), new ConfigOverrides(64L, null, null, null), null);

    ValidationResult result = generator.check(generator.values(null), "config.toml");

    assertThat(result.errors())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.format())
                    .startsWith("config.toml: error: worst case 7328 MB for 57 column families"));
  }

  private static GenerateRefusal.Reason reason(ConfigGenerator generator) {
    return catchThrowableOfType(GenerateRefusal.class, () -> generator.values(null)).reason();
  }
}

package org.kalamdb.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.kalamdb.config.CheckOptions;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.RocksDbConfig;

class BudgetParametersTest {

  @Test
  void unsetParametersLeaveTheDialectAndItsCountToTheFile() throws MojoExecutionException {
    CheckOptions options = BudgetParameters.toCheckOptions(null, null, null);

    assertThat(options.dialect()).isEmpty();
    assertThat(options.columnFamilyCount()).isEmpty();
    assertThat(options.memoryBudgetMb()).isEmpty();
    assertThat(options.columnFamiliesFor(RocksDbConfig.defaults())).isEqualTo(57);
    assertThat(options.columnFamiliesFor(RocksDbConfig.serverDefaults())).isEqualTo(6);
  }

  @Test
  void givenValuesAreKept() throws MojoExecutionException {
    CheckOptions options = BudgetParameters.toCheckOptions(64L, 10, " kalamdb-server ");

    assertThat(options.dialect()).contains(Dialect.KALAMDB_SERVER);
    assertThat(options.columnFamilyCount()).hasValue(10);
    assertThat(options.memoryBudgetMb()).hasValue(64);
  }

  @Test
  void anUnknownDialectNamesThePropertyAndTheKnownOnes() {
    assertThatThrownBy(() -> BudgetParameters.toCheckOptions(null, null, "server"))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage(
            "dialect (property kalamdb.dialect): unknown dialect 'server'; known dialects"
                + " (case-insensitive): toolkit, kalamdb-server");
  }

  @Test
  void theDialectIsNamedInAnyCase() throws MojoExecutionException {
    assertThat(BudgetParameters.toCheckOptions(null, null, "KALAMDB-SERVER").dialect())
        .contains(Dialect.KALAMDB_SERVER);
    assertThat(BudgetParameters.toCheckOptions(null, null, "Toolkit").dialect())
        .contains(Dialect.TOOLKIT);
  }

  @Test
  void countsAndBudgetsBelowOneAreRefused() {
    assertThatThrownBy(() -> BudgetParameters.toCheckOptions(null, 0, null))
        .hasMessageContaining("kalamdb.columnFamilies");
    assertThatThrownBy(() -> BudgetParameters.toCheckOptions(0L, null, null))
        .hasMessageContaining("kalamdb.memoryBudgetMb");
  }

  @Test
  void aBudgetAboveTheLargestSizeNamesTheRange() {
    assertThatThrownBy(() -> BudgetParameters.toCheckOptions(Long.MAX_VALUE, null, null))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage(
            "memoryBudgetMb (property kalamdb.memoryBudgetMb) must be between 1 and 8796093022207"
                + " MB, got 9223372036854775807");
  }

  @Test
  void theLargestBudgetIsAccepted() throws MojoExecutionException {
    assertThat(
            BudgetParameters.toCheckOptions(RocksDbConfig.MAX_SIZE_MB, null, null).memoryBudgetMb())
        .hasValue(RocksDbConfig.MAX_SIZE_MB);
  }
}

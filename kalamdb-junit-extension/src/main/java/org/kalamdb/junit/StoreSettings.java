package org.kalamdb.junit;

import java.util.List;
import java.util.OptionalLong;

/**
 * What a store is opened with and checked against, each setting with the place it came from.
 *
 * @param config the config file read, or the defaults
 * @param budgetMb the budget set by an annotation or parameter; empty for the config's worst case
 * @param budgetOrigin the place that set {@code budgetMb}, e.g. {@code @TempStore memoryBudgetMb}
 * @param columnFamilies column families to open; {@code default} is always open too
 */
record StoreSettings(
    ResolvedConfig config,
    OptionalLong budgetMb,
    String budgetOrigin,
    List<String> columnFamilies) {

  StoreSettings {
    columnFamilies = List.copyOf(columnFamilies);
  }
}

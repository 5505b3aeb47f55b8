package org.kalamdb.junit;

import java.util.List;
import java.util.OptionalLong;
import org.kalamdb.store.Storage;

/**
 * What a store is opened with and checked against, each setting with the place it came from.
 *
 * @param config the config file read, or the defaults
 * @param budgetMb the budget set by an annotation or parameter; empty for the config's worst case
 * @param budgetOrigin the place that set {@code budgetMb}, e.g. {@code @TempStore memoryBudgetMb}
 * @param columnFamilies column families to open; {@code default} is always open too
 * @param storage where the store keeps its files
 * @param memoryFilesInBudget whether the budget also counts a memory store's files
 */
record StoreSettings(
    ResolvedConfig config,
    OptionalLong budgetMb,
    String budgetOrigin,
    List<String> columnFamilies,
    Storage storage,
    boolean memoryFilesInBudget) {

  StoreSettings {
    columnFamilies = List.copyOf(columnFamilies);
  }
}

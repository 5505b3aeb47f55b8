package org.kalamdb.junit;

import java.util.stream.Collectors;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.store.KalamStore;
import org.kalamdb.store.MemoryUsage;

/**
 * A store's peak during one test against its budget.
 *
 * @param store the store checked
 * @param peak the accounted memory at the peak
 * @param budgetMb the budget in MB
 * @param budgetOrigin where the budget came from, as the message names it
 */
record BudgetCheck(ManagedStore store, MemoryUsage peak, long budgetMb, String budgetOrigin) {
  private static final int LARGEST_SHOWN = 5;

  /** Measures the store now and resolves its budget. */
  static BudgetCheck of(ManagedStore store) {
    MemoryUsage peak = store.peak();
    StoreSettings settings = store.settings();
    if (settings.budgetMb().isPresent()) {
      return new BudgetCheck(store, peak, settings.budgetMb().getAsLong(), settings.budgetOrigin());
    }
    RocksDbConfig config = settings.config().config();
    int columnFamilies = store.store().columnFamilyNames().size();
    return new BudgetCheck(
        store,
        peak,
        MemoryModel.worstCaseMb(config, columnFamilies),
        "worst case of the config for "
            + columnFamilies
            + " column families: "
            + MemoryModel.formula(config, columnFamilies));
  }

  /** The budget in bytes; a budget of more bytes than a long holds is no limit, not an overflow. */
  long budgetBytes() {
    return budgetMb > Long.MAX_VALUE >> 20 ? Long.MAX_VALUE : budgetMb << 20;
  }

  boolean overBudget() {
    return peak.total() > budgetBytes();
  }

  /** One line for the test's report: {@code store 'orders' peak 3.1 MB of its budget of 64 MB}. */
  String summary() {
    return "store '"
        + store.name()
        + "' peak "
        + mb(peak.total())
        + " of its budget of "
        + budgetMb
        + " MB ("
        + budgetOrigin
        + ")"
        + (overBudget() ? ": OVER BUDGET" : "");
  }

  /** One line naming the store, peak, budget and its origin, components, largest CFs, config. */
  String message() {
    return "store '"
        + store.name()
        + "' used "
        + mb(peak.total())
        + " at peak, over its budget of "
        + budgetMb
        + " MB ("
        + budgetOrigin
        + "); memtables "
        + mb(peak.memTableTotalBytes())
        + ", block cache "
        + mb(peak.blockCacheExcludingMemTablesBytes())
        + ", table readers "
        + mb(peak.tableReadersBytes())
        + "; largest column families: "
        + largestColumnFamilies()
        + "; config: "
        + store.settings().config().file();
  }

  private String largestColumnFamilies() {
    KalamStore kalamStore = store.store();
    // Column families of a server store differ by profile; a toolkit store's share one.
    boolean profiles = kalamStore.config().dialect() == Dialect.KALAMDB_SERVER;
    String largest =
        peak.largestColumnFamilies(LARGEST_SHOWN).stream()
            .filter(e -> !mb(e.getValue()).equals("0.0 MB"))
            .map(
                e ->
                    e.getKey()
                        + " "
                        + mb(e.getValue())
                        + (profiles ? " (profile " + kalamStore.profileOf(e.getKey()) + ")" : ""))
            .collect(Collectors.joining(", "));
    return largest.isEmpty() ? "none holds 0.1 MB or more" : largest;
  }

  private static String mb(long bytes) {
    return MemoryUsage.mb(bytes);
  }
}

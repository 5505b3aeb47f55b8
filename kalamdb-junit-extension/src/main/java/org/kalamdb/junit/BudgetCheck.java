package org.kalamdb.junit;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.kalamdb.config.ColumnFamilyCount;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.report.MemoryComponent;
import org.kalamdb.report.StoreRecord;
import org.kalamdb.store.KalamStore;
import org.kalamdb.store.MemoryUsage;
import org.kalamdb.store.NativeAllocator;
import org.kalamdb.store.Storage;

/**
 * The peak of a store or watched database during one test against its budget.
 *
 * @param subject what was checked, as messages name it: {@code store 'orders'} or {@code database
 *     'repo'}
 * @param name the name of the store or database, for report entries
 * @param peak the accounted memory at the peak
 * @param budgetMb the budget in MB, exactly (a config's worst case may pass any {@code long})
 * @param budgetOrigin where the budget came from, as the message names it
 * @param configFile the config file the budget and the worst case come from, or {@code defaults}
 * @param columnFamilyLabel what follows a column family in the message, e.g. {@code " (profile
 *     raft)"}; {@code ""} for nothing; {@code null} when the figures have no column families (a
 *     watched database is measured at database level), which leaves them out of the message
 * @param partsName what the message calls the entries of {@link
 *     MemoryUsage#memTableBytesByColumnFamily()}: {@code column families}, or {@code parts} for a
 *     memory source (e.g. a Kafka Streams application's stores)
 * @param storage where the store keeps its files ({@code DISK} for a watched database)
 * @param memoryFilesInBudget whether a memory store's files count against its budget
 */
record BudgetCheck(
    String subject,
    String name,
    MemoryUsage peak,
    BigInteger budgetMb,
    String budgetOrigin,
    String configFile,
    UnaryOperator<String> columnFamilyLabel,
    String partsName,
    Storage storage,
    boolean memoryFilesInBudget) {
  private static final int LARGEST_SHOWN = 5;

  /**
   * Judges a managed store on the peak its own recorder saw, which neither {@code close()} nor
   * {@code resetPeak()} by the test can lower.
   */
  static BudgetCheck of(ManagedStore store) {
    KalamStore kalamStore = store.store();
    MemoryUsage peak =
        store.peak(countsFiles(kalamStore.storage(), store.settings().memoryFilesInBudget()));
    // Column families of a server store differ by profile; a toolkit store's share one.
    // profileOf answers from the name and the config alone, so also for a closed store.
    boolean profiles = kalamStore.config().dialect() == Dialect.KALAMDB_SERVER;
    UnaryOperator<String> label =
        profiles ? cf -> " (profile " + kalamStore.profileOf(cf) + ")" : cf -> "";
    return of(
        "store '" + store.name() + "'",
        store.name(),
        peak,
        store.settings(),
        store.columnFamilyCount(),
        label,
        "column families",
        kalamStore.storage());
  }

  /**
   * Judges a watched database or memory source on the peak its recorder saw up to now; a source's
   * parts are listed like column families.
   */
  static BudgetCheck of(WatchedDatabase database) {
    return of(
        database.subject(),
        database.name(),
        database.peak(),
        database.settings(),
        database.columnFamilyCount(),
        database.isDatabase() ? null : part -> "",
        "parts",
        Storage.DISK);
  }

  private static BudgetCheck of(
      String subject,
      String name,
      MemoryUsage peak,
      StoreSettings settings,
      int columnFamilies,
      UnaryOperator<String> label,
      String partsName,
      Storage storage) {
    String file = settings.config().file();
    boolean filesInBudget = settings.memoryFilesInBudget();
    if (settings.budgetMb().isPresent()) {
      return new BudgetCheck(
          subject,
          name,
          peak,
          BigInteger.valueOf(settings.budgetMb().getAsLong()),
          settings.budgetOrigin(),
          file,
          label,
          partsName,
          storage,
          filesInBudget);
    }
    RocksDbConfig config = settings.config().config();
    return new BudgetCheck(
        subject,
        name,
        peak,
        MemoryModel.worstCaseMbExact(config, columnFamilies),
        "worst case of the config for "
            + ColumnFamilyCount.text(columnFamilies)
            + ": "
            + MemoryModel.formula(config, columnFamilies),
        file,
        label,
        partsName,
        storage,
        filesInBudget);
  }

  /** The budget in bytes, exactly. */
  BigInteger budgetBytes() {
    return budgetMb.shiftLeft(20);
  }

  /**
   * The bytes judged against the budget: the peak's {@link MemoryUsage#total()}, plus a memory
   * store's files when {@code kalamdb.store.memory-files-in-budget} says so.
   */
  long judgedBytes() {
    return countsFiles() ? peak.totalWithInMemoryFiles() : peak.total();
  }

  private boolean countsFiles() {
    return countsFiles(storage, memoryFilesInBudget);
  }

  /** Whether the budget counts the files: a memory store's, and only when asked. */
  private static boolean countsFiles(Storage storage, boolean memoryFilesInBudget) {
    return storage == Storage.MEMORY && memoryFilesInBudget;
  }

  /**
   * The check as the memory report keeps it.
   *
   * @param kind {@code store} or {@code watched}
   */
  StoreRecord record(String kind) {
    Map<String, Long> components = new LinkedHashMap<>();
    components.put(MemoryComponent.MEMTABLES.key(), peak.memTableTotalBytes());
    components.put(MemoryComponent.BLOCK_CACHE.key(), peak.blockCacheExcludingMemTablesBytes());
    components.put(MemoryComponent.TABLE_READERS.key(), peak.tableReadersBytes());
    if (storage == Storage.MEMORY) {
      components.put(MemoryComponent.IN_MEMORY_FILES.key(), peak.inMemoryFileBytes());
    }
    BigInteger bytes = budgetBytes();
    return new StoreRecord(
        name,
        kind,
        storage.id(),
        // Over 2^63 bytes only a config's worst case can be: the test fails then (budgetFits).
        budgetFits() ? bytes.longValueExact() : null,
        budgetOrigin,
        judgedBytes(),
        components,
        overBudget());
  }

  /**
   * Whether the budget is at most {@link RocksDbConfig#MAX_SIZE_MB} (2^63 bytes), what the memory
   * report holds exactly. A budget set is refused beyond it before the test; a config's worst case
   * over it fails the test ({@link #budgetTooLarge()}), as its report could not hold it.
   */
  boolean budgetFits() {
    return budgetMb.compareTo(BigInteger.valueOf(RocksDbConfig.MAX_SIZE_MB)) <= 0;
  }

  /** Why a budget that does not fit fails the test, naming it and what to do. */
  String budgetTooLarge() {
    return subject
        + ": its budget, the "
        + budgetOrigin
        + " = "
        + budgetMb
        + " MB, is over the largest budget of "
        + RocksDbConfig.MAX_SIZE_MB
        + " MB (2^63 bytes); set a memoryBudgetMb; config: "
        + configFile;
  }

  boolean overBudget() {
    return BigInteger.valueOf(judgedBytes()).compareTo(budgetBytes()) > 0;
  }

  /** For a memory store: {@code storage memory, in-memory files 1.2 MB (not in the budget)}. */
  private String storageText() {
    return "storage memory, "
        + part(MemoryComponent.IN_MEMORY_FILES, peak.inMemoryFileBytes())
        + (countsFiles()
            ? " (in the budget: " + RunParameters.MEMORY_FILES_IN_BUDGET + "=true)"
            : " (not in the budget)");
  }

  /**
   * One line for the test's report: {@code store 'orders' peak 3.1 MB of its budget of 64 MB (...);
   * allocator glibc malloc (default settings)}; the allocator because it decides how far the
   * process's RSS runs above the accounted peak.
   */
  String summary() {
    return subject
        + " peak "
        + mb(judgedBytes())
        + " of its budget of "
        + budgetMb
        + " MB ("
        + budgetOrigin
        + ")"
        + (storage == Storage.MEMORY ? "; " + storageText() : "")
        + "; allocator "
        + NativeAllocator.current().describe()
        + (overBudget() ? ": OVER BUDGET" : "");
  }

  /**
   * The line for several watched databases together: {@code databases 'a', 'b' together peak 5.0 MB
   * (the sum of their peaks)}.
   */
  static String sumSummary(List<BudgetCheck> databases) {
    return "databases "
        + databases.stream().map(c -> "'" + c.name() + "'").collect(Collectors.joining(", "))
        + " together peak "
        + mb(databases.stream().mapToLong(c -> c.peak().total()).sum())
        + " (the sum of their peaks)";
  }

  /** One line naming the subject, peak, budget and its origin, components, largest CFs, config. */
  String message() {
    return subject
        + " used "
        + mb(judgedBytes())
        + " at peak, over its budget of "
        + budgetMb
        + " MB ("
        + budgetOrigin
        + "); "
        + part(MemoryComponent.MEMTABLES, peak.memTableTotalBytes())
        + ", "
        + part(MemoryComponent.BLOCK_CACHE, peak.blockCacheExcludingMemTablesBytes())
        + ", "
        + part(MemoryComponent.TABLE_READERS, peak.tableReadersBytes())
        + (storage == Storage.MEMORY ? "; " + storageText() : "")
        + (columnFamilyLabel == null
            ? ""
            : "; largest " + partsName + ": " + largestColumnFamilies())
        + "; config: "
        + configFile;
  }

  private String largestColumnFamilies() {
    String largest =
        peak.largestColumnFamilies(LARGEST_SHOWN).stream()
            .filter(e -> !mb(e.getValue()).equals("0.0 MB"))
            .map(e -> e.getKey() + " " + mb(e.getValue()) + columnFamilyLabel.apply(e.getKey()))
            .collect(Collectors.joining(", "));
    return largest.isEmpty() ? "none holds 0.1 MB or more" : largest;
  }

  /** E.g. {@code block cache 1.2 MB}: named as the report's page names it. */
  private static String part(MemoryComponent component, long bytes) {
    return component.words() + " " + mb(bytes);
  }

  private static String mb(long bytes) {
    return MemoryUsage.mb(bytes);
  }
}

package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalamdb.junit.BudgetTest.failureOf;
import static org.kalamdb.junit.BudgetTest.reportEntries;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.kalamdb.store.KalamStore;
import org.kalamdb.store.MemorySource;
import org.kalamdb.store.MemoryUsage;
import org.kalamdb.store.SourceWatch;
import org.opentest4j.AssertionFailedError;

/**
 * A {@link MemorySource} put under the test's budget with {@link MemoryWatch#watch(String,
 * MemorySource)}: the verdict, the message naming the source and its largest parts, the report. The
 * source here adds up two real stores, each one part, as a Kafka Streams application's source adds
 * up its state stores.
 */
class SourceWatchTest {

  @TempDir Path base;

  /** Two stores as one source; each store is a part named after it. */
  static MemorySource twoStores(KalamStore orders, KalamStore users) {
    return () -> {
      long memtables = 0;
      long cache = 0;
      long readers = 0;
      Map<String, Long> parts = new LinkedHashMap<>();
      for (KalamStore store : List.of(orders, users)) {
        MemoryUsage usage = store.memoryUsage();
        memtables += usage.memTableTotalBytes();
        cache += usage.blockCacheExcludingMemTablesBytes();
        readers += usage.tableReadersBytes();
        parts.put(store.directory().getFileName().toString(), usage.memTableTotalBytes());
      }
      return new MemoryUsage(memtables, memtables, memtables, cache, 0, readers, 0, parts);
    };
  }

  @Fixture
  @KalamStoreTest(config = "classpath:big-buffers.toml", memoryBudgetMb = 1)
  static class OverBudget {
    static SourceWatch watch;

    @Test
    void fills(
        @TempStore(columnFamilies = "t") KalamStore orders,
        @TempStore(columnFamilies = "t", memoryBudgetMb = 64) KalamStore users,
        MemoryWatch memory) {
      watch = memory.watch("app", twoStores(orders, users));
      byte[] value = new byte[4 << 10];
      for (int i = 0; i < 768; i++) { // 3 MB into one part
        orders.put("t", ("k" + i).getBytes(), value);
      }
    }
  }

  @Test
  void aSourceOverItsBudgetFailsTheTestNamingItsLargestParts() {
    EngineExecutionResults results = Fixtures.under(base).run(OverBudget.class);

    Throwable failure = failureOf(results, "fills");
    assertThat(failure).isInstanceOf(AssertionFailedError.class);
    // The store itself is over its own budget of 1 MB too: one line each, the source's second.
    String line =
        failure
            .getMessage()
            .lines()
            .filter(l -> l.startsWith("source"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(failure.getMessage()));
    Matcher message =
        Pattern.compile(
                "source 'app' used (\\d+\\.\\d) MB at peak, over its budget of 1 MB"
                    + " \\(@KalamStoreTest on class OverBudget memoryBudgetMb\\); memtables"
                    + " \\d+\\.\\d MB, block cache \\d+\\.\\d MB, table readers \\d+\\.\\d MB;"
                    + " largest parts: (\\S+) (\\d+\\.\\d) MB; config: .*big-buffers.toml")
            .matcher(line);
    assertThat(message.matches()).as(line).isTrue();
    assertThat(Double.parseDouble(message.group(1))).isGreaterThan(2.5);
    assertThat(Double.parseDouble(message.group(3))).isGreaterThan(2.5);
    assertThat(reportEntries(results))
        .containsEntry("kalamdb.store.app.budget-bytes", Long.toString(1 << 20));
    assertThat(OverBudget.watch.isClosed()).as("the watch stopped after the test").isTrue();
  }

  @Fixture
  @KalamStoreTest(config = "classpath:big-buffers.toml", memoryBudgetMb = 64)
  static class WithinBudget {
    @Test
    void fills(
        @TempStore(columnFamilies = "t") KalamStore orders,
        @TempStore(columnFamilies = "t") KalamStore users,
        MemoryWatch memory) {
      memory.watch("app", twoStores(orders, users));
      orders.put("t", "k".getBytes(), new byte[1 << 20]);
    }
  }

  @Test
  void aSourceWithinItsBudgetPasses() {
    EngineExecutionResults results = Fixtures.under(base).run(WithinBudget.class);

    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    assertThat(reportEntries(results)).containsKey("kalamdb.store.app.peak-bytes");
  }
}

package org.kalamdb.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.kalamdb.config.CheckOptions;
import org.kalamdb.config.ConfigFileException;
import org.kalamdb.config.ConfigFiles;
import org.kalamdb.config.ConfigValidator;
import org.kalamdb.config.ConfigValues;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.ResourceLimits;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.config.ValidationResult;

/**
 * Checks the {@code [rocksdb]} section of a {@code config.toml}: TOML syntax, unknown keys (with a
 * suggestion), wrong types, out-of-range values, duplicate keys and, when {@code memoryBudgetMb} is
 * set, whether the worst-case memory for {@code columnFamilies} column families fits the budget. A
 * KalamDB {@code server.toml} is checked the same way: its {@code [storage.rocksdb]} section (sizes
 * in bytes) and the {@code [storage.rocksdb.cf_profiles.*]} tables, with the worst case of the six
 * column families the server opens; see {@code dialect}.
 *
 * <p>Every problem of the file is logged, one line each, in the form compilers use, such as {@code
 * src/main/resources/config.toml:4:1: error: unknown key 'write_bufer_size_mb' in [rocksdb]; did
 * you mean 'write_buffer_size_mb'?} The path is relative to the top directory of the build (where
 * {@code mvn} runs, or the folder of the POM given with {@code -f}) when the file lies inside it,
 * absolute otherwise, so IDE and CI consoles link each line to the file, in a multi-module build
 * too. Then the build fails once, with the number of errors and warnings. A valid file logs its
 * worst case, e.g. {@code worst case 944 MB for 57 column families (57 x 8 MB x 2 + 32 MB cache)}.
 * A file without a {@code [rocksdb]} section is valid: the defaults apply (for a server file, the
 * server's defaults).
 *
 * <p>It also warns when the project's Surefire is older than 2.22.0 (Maven before 3.9 uses 2.12.4
 * when the POM pins none): such a Surefire runs no JUnit 5 test, so a budgeted {@code
 * KalamStoreTest} would never fail.
 *
 * <p>Pure Java, no native code: the check loads no RocksDB library, so it is fast and runs on every
 * platform Maven runs on. Every other section of the file belongs to the server and is not checked.
 */
@Mojo(name = "check-config", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckConfigMojo extends KalamMojo {

  /**
   * The {@code config.toml} to check. A relative path is taken relative to the project's base
   * directory.
   */
  @Parameter(
      property = "kalamdb.config",
      defaultValue = "${project.basedir}/src/main/resources/config.toml",
      required = true)
  private File config;

  /**
   * Memory budget in MB for the store. When set, the check fails if the worst case of the section
   * for {@code columnFamilies} column families exceeds it: {@code column families x
   * write_buffer_size_mb x max_write_buffer_number + block_cache_size_mb}, or {@code
   * block_cache_size_mb + memtable_limit_mb + column families x 64 KB} with a memtable limit; for a
   * server file, each column family's {@code write_buffer_size x max_write_buffers} of its profile
   * (as RocksDB raises them: at least 64 KiB x 2) plus {@code block_cache_size}. Not set: no budget
   * check.
   */
  @Parameter(property = "kalamdb.memoryBudgetMb")
  private Long memoryBudgetMb;

  /**
   * Column families the store will have (system ones and one per table). The worst case, the budget
   * check and the memtable-limit check are computed for this many. Not set: the dialect's count, 57
   * for {@code [rocksdb]} (the seed report's 7 system column families and 50 tables), the server's
   * 6 for {@code [storage.rocksdb]} (its tables are key prefixes, not column families).
   */
  @Parameter(property = "kalamdb.columnFamilies")
  private Integer columnFamilies;

  /**
   * The layout to read the file in: {@code toolkit} (the {@code [rocksdb]} section, sizes in MB) or
   * {@code kalamdb-server} (the {@code [storage.rocksdb]} section and its {@code cf_profiles} of a
   * KalamDB {@code server.toml}, sizes in bytes), in any case. Not set: detected from the file
   * ({@code [storage.rocksdb]} without {@code [rocksdb]} is a server file); a file with both
   * sections then fails. Set it to check a server file that has no {@code [storage.rocksdb]} yet.
   */
  @Parameter(property = "kalamdb.dialect")
  private String dialect;

  /** Fail the build on warnings too, not only on errors. */
  @Parameter(property = "kalamdb.failOnWarning", defaultValue = "false")
  private boolean failOnWarning;

  /** Skip the check (and every other kalamdb goal that reads this property). */
  @Parameter(property = "kalamdb.skip", defaultValue = "false")
  private boolean skip;

  /** The project checked; its Surefire version decides whether its JUnit 5 tests run at all. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  public CheckConfigMojo() {
    super("check-config");
  }

  @Override
  boolean skip() {
    return skip;
  }

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    // Before the config's verdict: a budget checked here means nothing if no test would run.
    SurefireCheck.warning(project.getBuildPlugins()).ifPresent(getLog()::warn);
    CheckOptions options = BudgetParameters.toCheckOptions(memoryBudgetMb, columnFamilies, dialect);
    Path file = PluginPaths.of(config, "parameter config, property kalamdb.config");
    // Control characters of the path never reach the terminal, in log lines or failures.
    String shown = shown(file);
    ValidationResult result =
        withinLimits(
            shown,
            () -> new ConfigValidator(options).validate(read(file, shown), shown),
            ResourceLimits::describe);

    ProblemCount problems = new DiagnosticLog(getLog()).report(result.diagnostics());
    if (problems.failsBuild(failOnWarning)) {
      throw new MojoFailureException(problems.failureMessage(shown, failOnWarning));
    }
    RocksDbConfig values = result.config();
    if (!result.sectionPresent()) {
      boolean toolkit = values.dialect() == Dialect.TOOLKIT;
      getLog()
          .info(
              "no "
                  + values.dialect().sectionHeader()
                  + " section in "
                  + shown
                  + (toolkit ? "; the defaults apply (" : "; the KalamDB server's defaults apply (")
                  + ConfigValues.text(values)
                  + ")");
    }
    String verdict =
        shown + ": " + MemoryModel.worstCaseSentence(values, options.columnFamiliesFor(values));
    if (memoryBudgetMb != null) {
      verdict += ", within the budget of " + memoryBudgetMb + " MB";
    }
    getLog().info(verdict);
    // What the releases that still read the legacy keys would use: one column family per table.
    MemoryModel.legacySentence(values, MemoryModel.legacyColumnFamilies(options))
        .ifPresent(legacy -> getLog().info(shown + ": " + legacy));
  }

  private static byte[] read(Path file, String shown) throws MojoFailureException {
    if (Files.isDirectory(file)) {
      throw new MojoFailureException(
          shown + ": error: is a directory; set 'config' (property kalamdb.config) to a file");
    }
    if (!Files.exists(file) && !Files.isSymbolicLink(file)) {
      throw new MojoFailureException(
          shown
              + ": error: file not found; create it, or set 'config' (property kalamdb.config)"
              + " to the config.toml to check");
    }
    try {
      // Refuses a named pipe or device unopened, and a file over the size limit unread.
      return ConfigFiles.read(file);
    } catch (ConfigFileException e) {
      throw new MojoFailureException(shown + ": error: " + e.summary());
    }
  }
}

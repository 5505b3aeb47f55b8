package org.kalamdb.cli.generate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kalamdb.cli.BudgetOptions;
import org.kalamdb.cli.DialectOption;
import org.kalamdb.config.ConfigException;
import org.kalamdb.config.ConfigFileException;
import org.kalamdb.config.ConfigGenerator;
import org.kalamdb.config.ConfigOverrides;
import org.kalamdb.config.ConfigWriter;
import org.kalamdb.config.Diagnostic;
import org.kalamdb.config.GenerateRefusal;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.MergeRefusal;
import org.kalamdb.config.ResourceLimits;
import org.kalamdb.config.RocksDbConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kalamdb generate}: a {@code [rocksdb]} section sized for a memory budget (or the
 * defaults), with explicit values taking precedence, printed or merged into a file. With {@code
 * --dialect kalamdb-server}: the {@code [storage.rocksdb]} section and its five profile tables of a
 * KalamDB {@code server.toml}, sized for the six column families the server opens.
 */
@Command(
    name = "generate",
    header = "Prints or merges a [rocksdb] (or [storage.rocksdb]) section sized for a budget.",
    description = {
      "Prints a commented [rocksdb] section whose worst case fits --budget-mb, or merges it into"
          + " --output FILE, keeping every other byte of the file. Without --budget-mb the"
          + " defaults are the starting point; explicit values win over the sizing. The worst case"
          + " of the result goes to stderr.",
      "With --dialect kalamdb-server (the default when --output FILE is a server.toml with"
          + " [storage.rocksdb]) it writes [storage.rocksdb] and its cf_profiles tables in bytes"
          + " instead, sized for the server's six column families and keeping the database"
          + " settings FILE already has; the --*-mb values do not apply."
    },
    exitCodeList = {
      "0:section printed, or FILE updated or already up to date",
      "1:the budget cannot be met, or FILE cannot be merged or written",
      "2:usage error"
    })
public final class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin BudgetOptions budget;

  @Mixin DialectOption dialect;

  @Option(
      names = "--write-buffer-size-mb",
      paramLabel = "MB",
      description = "write_buffer_size_mb to write, overriding the sizing.")
  Long writeBufferSizeMb;

  @Option(
      names = "--max-write-buffer-number",
      paramLabel = "N",
      description = "max_write_buffer_number to write, overriding the sizing.")
  Integer maxWriteBufferNumber;

  @Option(
      names = "--block-cache-size-mb",
      paramLabel = "MB",
      description = "block_cache_size_mb to write, overriding the sizing.")
  Long blockCacheSizeMb;

  @Option(
      names = "--memtable-limit-mb",
      paramLabel = "MB",
      description = "memtable_limit_mb to write, overriding the sizing (0: no cap).")
  Long memtableLimitMb;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Merge the section into FILE (created if missing) instead of printing it.")
  Path output;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Usage errors (exit 2) come before any sizing.
    ConfigGenerator generator =
        new ConfigGenerator(
            budget.checkOptions().withDialect(dialect.dialect()),
            new ConfigOverrides(
                writeBufferSizeMb, maxWriteBufferNumber, blockCacheSizeMb, memtableLimitMb),
            output);
    Long budgetMb = budget.budgetMb();
    RocksDbConfig config;
    try {
      config = generator.values(output);
    } catch (GenerateRefusal refusal) {
      if (refusal.reason() == GenerateRefusal.Reason.BUDGET_TOO_SMALL) {
        err.println("kalamdb generate: error: " + refusal.getMessage());
        return 1;
      }
      throw usageError(refusal);
    }
    int columnFamilies = generator.options().columnFamiliesFor(config);
    if (budgetMb != null) {
      // Explicit values may undo the sizing; say so instead of writing a section over budget.
      Optional<Diagnostic> over =
          MemoryModel.checkBudget(config, columnFamilies, budgetMb, "generate");
      if (over.isPresent()) {
        err.println("kalamdb generate: error: " + over.get().message());
        return 1;
      }
    }
    // The rest of check's rules (e.g. a cap too small for the count): never emit what check
    // refuses.
    List<Diagnostic> errors = generator.check(config, "generated").errors();
    if (!errors.isEmpty()) {
      errors.forEach(e -> err.println("kalamdb generate: error: " + e.message()));
      return 1;
    }
    int code;
    if (output == null) {
      out.print(ConfigWriter.render(config));
      out.flush();
      code = 0;
    } else {
      code = write(config, out, err);
    }
    if (code == 0) {
      // On stderr, so that stdout stays the section alone and can be redirected into a file.
      err.println(MemoryModel.worstCaseSentence(config, columnFamilies));
    }
    return code;
  }

  /** Merges into {@link #output}; the exit code. */
  private int write(RocksDbConfig config, PrintWriter out, PrintWriter err) {
    boolean existed = Files.exists(output);
    try {
      boolean changed = ConfigWriter.write(output, config);
      out.println(output + ": " + (!changed ? "up to date" : existed ? "updated" : "created"));
      return 0;
    } catch (ConfigException refused) {
      refused.diagnostics().stream().map(Diagnostic::format).forEach(err::println);
      // The same sentence as the Maven plugin's, whatever the file's problem is.
      MergeRefusal refusal =
          new MergeRefusal(config.dialect(), output.toString(), refused.diagnostics());
      err.println("kalamdb generate: error: " + refusal.sentence());
      return 1;
    } catch (ConfigFileException e) {
      err.println(output + ": error: " + e.summary());
      return 1;
    } catch (IOException e) {
      err.println(output + ": error: cannot write file: " + ConfigFileException.reason(e));
      return 1;
    } catch (OutOfMemoryError | StackOverflowError e) {
      err.println(output + ": error: " + ResourceLimits.describe(e));
      return 1;
    }
  }

  /**
   * The refusal as a usage error in the words of this command's options: an explicit value out of
   * range (its message names the key and its range), or an option that does not apply to a server
   * file.
   */
  private CommandLine.ParameterException usageError(GenerateRefusal refusal) {
    String message =
        switch (refusal.reason()) {
          case TOOLKIT_VALUES_FOR_SERVER ->
              "--write-buffer-size-mb, --max-write-buffer-number,"
                  + " --block-cache-size-mb and --memtable-limit-mb set [rocksdb] values; they do not"
                  + " apply to --dialect kalamdb-server, whose profiles are sized from --budget-mb";
          case COLUMN_FAMILIES_FOR_SERVER ->
              "--column-families does not apply to --dialect"
                  + " kalamdb-server: the server opens its 6 column families, whatever the tables";
          case VALUE_OUT_OF_RANGE, BUDGET_TOO_SMALL -> refusal.getMessage();
        };
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}

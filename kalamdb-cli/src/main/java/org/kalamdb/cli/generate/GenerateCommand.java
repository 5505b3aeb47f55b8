package org.kalamdb.cli.generate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kalamdb.cli.BudgetOptions;
import org.kalamdb.config.CheckOptions;
import org.kalamdb.config.ConfigException;
import org.kalamdb.config.ConfigOverrides;
import org.kalamdb.config.ConfigSizer;
import org.kalamdb.config.ConfigValidator;
import org.kalamdb.config.ConfigWriter;
import org.kalamdb.config.Diagnostic;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.RocksDbConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kalamdb generate}: a {@code [rocksdb]} section sized for a memory budget (or the
 * defaults), with explicit values taking precedence, printed or merged into a file.
 */
@Command(
    name = "generate",
    header = "Prints or merges a [rocksdb] section sized for a budget.",
    description = {
      "Prints a commented [rocksdb] section whose worst case fits --budget-mb, or merges it into"
          + " --output FILE, keeping every other byte of the file. Without --budget-mb the"
          + " defaults are the starting point; explicit values win over the sizing. The worst case"
          + " of the result goes to stderr."
    },
    exitCodeList = {
      "0:section printed, or FILE updated or already up to date",
      "1:the budget cannot be met, or FILE cannot be merged or written",
      "2:usage error"
    })
public final class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin BudgetOptions budget;

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
    CheckOptions checkOptions = budget.checkOptions();
    int columnFamilies = checkOptions.columnFamilies();
    Long budgetMb = budget.budgetMb();
    RocksDbConfig sized;
    try {
      sized = ConfigSizer.forBudgetOrDefaults(budgetMb, columnFamilies);
    } catch (IllegalArgumentException impossible) {
      err.println("kalamdb generate: error: " + impossible.getMessage());
      return 1;
    }
    RocksDbConfig config = withExplicitValues(sized);
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
    List<Diagnostic> errors =
        new ConfigValidator(checkOptions)
            .validate(ConfigWriter.render(config).getBytes(StandardCharsets.UTF_8), "generated")
            .errors();
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
    } catch (ConfigException invalid) {
      invalid.diagnostics().stream().map(Diagnostic::format).forEach(err::println);
      err.println(output + ": not valid TOML; left unchanged");
      return 1;
    } catch (IOException e) {
      err.println(output + ": error: cannot write: " + e.getMessage());
      return 1;
    }
  }

  private RocksDbConfig withExplicitValues(RocksDbConfig sized) {
    try {
      return new ConfigOverrides(
              writeBufferSizeMb, maxWriteBufferNumber, blockCacheSizeMb, memtableLimitMb)
          .applyTo(sized);
    } catch (IllegalArgumentException outOfRange) {
      // RocksDbConfig names the key and its range; that is a usage error of this command.
      throw new CommandLine.ParameterException(spec.commandLine(), outOfRange.getMessage());
    }
  }
}

package org.kalamdb.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.kalamdb.config.ConfigException;
import org.kalamdb.config.ConfigFileException;
import org.kalamdb.config.ConfigGenerator;
import org.kalamdb.config.ConfigOverrides;
import org.kalamdb.config.ConfigValues;
import org.kalamdb.config.ConfigWriter;
import org.kalamdb.config.Diagnostic;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.GenerateRefusal;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.MergeRefusal;
import org.kalamdb.config.ResourceLimits;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.config.ValidationResult;

/**
 * Writes a commented {@code [rocksdb]} section sized for a memory budget, or with the values you
 * give.
 *
 * <p>The values come from {@code memoryBudgetMb} and {@code columnFamilies} (the largest settings
 * whose worst case fits the budget), then every value given explicitly ({@code writeBufferSizeMb},
 * {@code maxWriteBufferNumber}, {@code blockCacheSizeMb}, {@code memtableLimitMb}) replaces the
 * sized one; with neither, the defaults (8 MB x 2 write buffers per column family, one 32 MB cache)
 * are written. The result is checked like {@code check-config} does, budget included, before
 * anything is written.
 *
 * <p>By default the section is written to {@code config.toml} in {@code outputDirectory}, and that
 * directory is added to the project's resources, so the file lands in {@code target/classes}. With
 * {@code mergeInto}, the section replaces the {@code [rocksdb]} section of that file instead (or is
 * appended to it): every other byte of the file is kept. A file already up to date is not touched.
 *
 * <p>With {@code dialect} {@code kalamdb-server}, the goal writes a KalamDB {@code server.toml}
 * instead: the {@code [storage.rocksdb]} section (sizes in bytes) and its five {@code
 * [storage.rocksdb.cf_profiles.*]} tables, sized so that the worst case of the six column families
 * the server opens fits {@code memoryBudgetMb} (without a budget: the server's defaults). When the
 * target file exists and is a server file, its database settings ({@code max_background_jobs},
 * {@code max_open_files}, ...) are kept, and so is every byte outside those tables. The default
 * file name is then {@code server.toml}; the toolkit's explicit values do not apply.
 *
 * <p>Pure Java, no native code: no RocksDB library is loaded.
 */
@Mojo(name = "generate-config", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateConfigMojo extends KalamMojo {
  private static final String FILE_NAME = "config.toml";
  private static final String SERVER_FILE_NAME = "server.toml";

  /**
   * Memory budget in MB to size the section for: the written values' worst case for {@code
   * columnFamilies} column families fits it. Not set: the defaults, or the explicit values.
   */
  @Parameter(property = "kalamdb.memoryBudgetMb")
  private Long memoryBudgetMb;

  /**
   * Column families the store will have; the budget must hold this many. Not set: the dialect's
   * count, 57 for {@code [rocksdb]} (the seed report's 7 system column families and 50 tables), the
   * server's 6 for {@code kalamdb-server}, which is the only count it takes.
   */
  @Parameter(property = "kalamdb.columnFamilies")
  private Integer columnFamilies;

  /**
   * What to write: {@code toolkit} (the {@code [rocksdb]} section, sizes in MB; the default) or
   * {@code kalamdb-server} (the {@code [storage.rocksdb]} section and its {@code cf_profiles} of a
   * KalamDB {@code server.toml}, sizes in bytes), in any case. Not set: {@code kalamdb-server} when
   * the target file exists with a {@code [storage.rocksdb]} section and no {@code [rocksdb]}, else
   * {@code toolkit}.
   */
  @Parameter(property = "kalamdb.dialect")
  private String dialect;

  /** {@code write_buffer_size_mb}: memtable size of each column family in MB, {@code >= 1}. */
  @Parameter(property = "kalamdb.writeBufferSizeMb")
  private Long writeBufferSizeMb;

  /**
   * {@code max_write_buffer_number}: memtables each column family may hold; RocksDB raises 1 to 2.
   */
  @Parameter(property = "kalamdb.maxWriteBufferNumber")
  private Integer maxWriteBufferNumber;

  /** {@code block_cache_size_mb}: the one LRU block cache shared by every column family, in MB. */
  @Parameter(property = "kalamdb.blockCacheSizeMb")
  private Long blockCacheSizeMb;

  /**
   * {@code memtable_limit_mb}: cap on all memtables of the store together in MB; 0 turns it off.
   */
  @Parameter(property = "kalamdb.memtableLimitMb")
  private Long memtableLimitMb;

  /**
   * Directory that receives {@code config.toml} ({@code server.toml} for {@code kalamdb-server})
   * and is added to the project's resources. Not used when {@code mergeInto} is set.
   */
  @Parameter(
      property = "kalamdb.outputDirectory",
      defaultValue = "${project.build.directory}/generated-resources/kalamdb",
      required = true)
  private File outputDirectory;

  /**
   * A TOML file to merge the section into, typically {@code src/main/resources/config.toml}: its
   * {@code [rocksdb]} section (for {@code kalamdb-server}: {@code [storage.rocksdb]} and its
   * profile tables) is replaced (or appended) and every other byte is kept. The file is created
   * when missing. The project's resources are left as they are.
   */
  @Parameter(property = "kalamdb.mergeInto")
  private File mergeInto;

  /** Skip the goal. */
  @Parameter(property = "kalamdb.skip", defaultValue = "false")
  private boolean skip;

  /** The project whose resources receive {@code outputDirectory}. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  public GenerateConfigMojo() {
    super("generate-config");
  }

  @Override
  boolean skip() {
    return skip;
  }

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    Path named =
        mergeInto == null
            ? null
            : PluginPaths.of(mergeInto, "parameter mergeInto, property kalamdb.mergeInto");
    // One located line, as for any other problem of the file; never "Java heap space" alone.
    withinLimits(
        named != null ? named.toString() : "generate-config",
        this::generate,
        ResourceLimits::describe);
  }

  /** Writes the section; the values written. */
  private RocksDbConfig generate() throws MojoExecutionException, MojoFailureException {
    ConfigGenerator generator =
        new ConfigGenerator(
            BudgetParameters.toCheckOptions(memoryBudgetMb, columnFamilies, dialect),
            new ConfigOverrides(
                writeBufferSizeMb, maxWriteBufferNumber, blockCacheSizeMb, memtableLimitMb),
            mergeInto == null ? null : mergeInto.toPath());
    Path target = target(generator.dialect());
    // Control characters of the path never reach the terminal, in log lines or failures.
    String shown = shown(target);
    RocksDbConfig values = values(generator, target, shown);
    checkValues(generator.check(values, shown), shown);

    boolean changed = write(target, shown, values);
    getLog()
        .info(
            (changed ? "wrote " : "up to date: ")
                + shown
                + " ("
                + ConfigValues.text(values)
                + "); "
                + MemoryModel.worstCaseSentence(
                    values, generator.options().columnFamiliesFor(values)));
    if (mergeInto == null) {
      addResourceDirectory(outputDirectory);
    }
    return values;
  }

  private Path target(Dialect chosen) {
    if (mergeInto != null) {
      return mergeInto.toPath();
    }
    return outputDirectory
        .toPath()
        .resolve(chosen == Dialect.TOOLKIT ? FILE_NAME : SERVER_FILE_NAME);
  }

  /** The generated values, or the refusal in the words of this goal's parameters. */
  private static RocksDbConfig values(ConfigGenerator generator, Path target, String shown)
      throws MojoExecutionException, MojoFailureException {
    try {
      return generator.values(target);
    } catch (GenerateRefusal refusal) {
      switch (refusal.reason()) {
        case TOOLKIT_VALUES_FOR_SERVER ->
            throw new MojoExecutionException(
                "writeBufferSizeMb, maxWriteBufferNumber, blockCacheSizeMb and memtableLimitMb set"
                    + " [rocksdb] values; they do not apply to dialect kalamdb-server, whose"
                    + " profiles are sized from memoryBudgetMb");
        case COLUMN_FAMILIES_FOR_SERVER ->
            throw new MojoExecutionException(
                "columnFamilies (property kalamdb.columnFamilies) does not apply to dialect"
                    + " kalamdb-server: the server opens its 6 column families, whatever the tables");
        default ->
            throw new MojoFailureException(
                (generator.dialect() == Dialect.TOOLKIT
                        ? "cannot generate the [rocksdb] section: "
                        : "cannot generate the [storage.rocksdb] section of " + shown + ": ")
                    + refusal.getMessage());
      }
    }
  }

  /**
   * Reports the check of the section (check-config's, budget included) and fails before anything is
   * written when it found an error.
   */
  private void checkValues(ValidationResult result, String shown) throws MojoFailureException {
    ProblemCount problems = new DiagnosticLog(getLog()).report(result.diagnostics());
    if (problems.failsBuild(false)) {
      throw new MojoFailureException(
          "not writing "
              + shown
              + ": the generated section has "
              + problems.counts()
              + "; see the lines above");
    }
  }

  private boolean write(Path target, String shown, RocksDbConfig values)
      throws MojoExecutionException, MojoFailureException {
    try {
      Path parent = target.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return ConfigWriter.write(target, values);
    } catch (ConfigFileException e) {
      throw new MojoFailureException(shown + ": error: " + e.summary());
    } catch (IOException e) {
      throw new MojoExecutionException(
          shown + ": error: cannot write file: " + ConfigFileException.reason(e));
    } catch (ConfigException e) {
      // The existing file cannot take the section (not valid TOML, the other dialect's section, an
      // inline table); show where, named as the user knows the file.
      List<Diagnostic> located =
          e.diagnostics().stream()
              .map(
                  d ->
                      new Diagnostic(
                          shown, d.line(), d.column(), d.severity(), d.key(), d.message()))
              .toList();
      new DiagnosticLog(getLog()).report(located);
      throw new MojoFailureException(new MergeRefusal(values.dialect(), shown, located).sentence());
    }
  }

  private void addResourceDirectory(File directory) {
    String path = directory.getAbsolutePath();
    boolean present =
        project.getResources().stream()
            .anyMatch(r -> path.equals(new File(r.getDirectory()).getAbsolutePath()));
    if (!present) {
      Resource resource = new Resource();
      resource.setDirectory(path);
      project.addResource(resource);
    }
  }
}

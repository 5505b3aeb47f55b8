package org.kalamdb.config;

import java.util.List;

/**
 * A section {@link ConfigWriter#write} refused to merge into an existing file (it threw a {@link
 * ConfigException}): the file's located diagnostics come first, then {@link #sentence()} closes
 * them. Whatever the reason (a file that is not valid TOML, one with the other dialect's section, a
 * section in an inline table that cannot be rewritten alone), the CLI and the Maven plugin say this
 * same sentence.
 *
 * @param dialect the dialect of the section that was to be merged
 * @param file the file as the user knows it
 * @param diagnostics why the file was refused
 */
public record MergeRefusal(Dialect dialect, String file, List<Diagnostic> diagnostics) {

  /** Keeps a copy of the diagnostics. */
  public MergeRefusal {
    diagnostics = List.copyOf(diagnostics);
  }

  /**
   * {@code cannot merge the [rocksdb] section into config.toml, which has 1 error (see the lines
   * above); the file was left as it was}.
   */
  public String sentence() {
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    long warnings = diagnostics.size() - errors;
    String counts =
        warnings == 0
            ? plural(errors, "error")
            : plural(errors, "error") + " and " + plural(warnings, "warning");
    return "cannot merge the "
        + dialect.sectionHeader()
        + " section into "
        + file
        + ", which has "
        + counts
        + " (see the lines above); the file was left as it was";
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}

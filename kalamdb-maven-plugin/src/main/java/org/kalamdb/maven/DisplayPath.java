package org.kalamdb.maven;

import java.nio.file.Path;

/**
 * How a file is named in log lines: relative to the top directory of the build (where {@code mvn}
 * runs) when the file lies inside it, so that IDE and CI consoles turn {@code path:line:col} into a
 * link, also for a module's file in a multi-module build; absolute otherwise, so that the name
 * still leads to the file.
 */
final class DisplayPath {
  private DisplayPath() {}

  /**
   * The name to print for {@code file}.
   *
   * @param file the file; a relative path is taken relative to {@code root}
   * @param root the directory names are relative to
   */
  static String of(Path file, Path root) {
    Path base = root.toAbsolutePath().normalize();
    Path absolute = base.resolve(file).normalize();
    if (absolute.startsWith(base) && !absolute.equals(base)) {
      return base.relativize(absolute).toString();
    }
    return absolute.toString();
  }
}

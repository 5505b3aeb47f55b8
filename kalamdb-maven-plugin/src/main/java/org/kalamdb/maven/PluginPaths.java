package org.kalamdb.maven;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * A file parameter as a path, or an error naming the parameter instead of the JDK's bare reason.
 */
final class PluginPaths {
  private PluginPaths() {}

  /**
   * {@code file} as a path.
   *
   * @param setting how the user sets it, e.g. "config (property kalamdb.config)"
   * @throws MojoExecutionException when no file can have that name (a NUL character)
   */
  static Path of(File file, String setting) throws MojoExecutionException {
    String value = file.getPath();
    if (value.indexOf('\0') >= 0) {
      throw new MojoExecutionException(
          "config path '"
              + value.replace("\0", "\\u0000")
              + "' ("
              + setting
              + ") contains a NUL character");
    }
    try {
      return file.toPath();
    } catch (InvalidPathException e) {
      throw new MojoExecutionException(
          "config path '" + value + "' (" + setting + ") is not a valid path: " + e.getReason());
    }
  }
}

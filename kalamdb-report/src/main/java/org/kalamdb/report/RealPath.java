package org.kalamdb.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The file a path reaches, symbolic links and {@code ..} resolved, also for a file not yet there
 * (its nearest existing directory resolved, the rest taken as written): how a report file reached
 * twice is recognized, and an output that would be one of the run's inputs.
 */
final class RealPath {
  private RealPath() {}

  static Path of(Path path) {
    Path absolute = path.toAbsolutePath();
    try {
      return absolute.toRealPath();
    } catch (IOException notThere) {
      Path parent = absolute.getParent();
      Path name = absolute.getFileName();
      return parent == null || name == null
          ? absolute.normalize()
          : of(parent).resolve(name).normalize();
    }
  }
}

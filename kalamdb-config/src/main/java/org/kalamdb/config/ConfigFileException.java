package org.kalamdb.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A config file that cannot be read or written, with the file and the reason apart, so that every
 * caller can say "cannot read FILE: REASON" in one line. {@link #getMessage()} is the reason.
 */
public final class ConfigFileException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final boolean overLimit;
  private final boolean writing;

  /** A failure of {@code file} for {@code reason}, e.g. "is a named pipe (FIFO), not a file". */
  public ConfigFileException(Path file, String reason) {
    this(file, reason, null, false, false);
  }

  private ConfigFileException(
      Path file, String reason, IOException cause, boolean overLimit, boolean writing) {
    super(reason, cause);
    this.file = file;
    this.overLimit = overLimit;
    this.writing = writing;
  }

  /** The same failure, met while writing the file: "cannot write", not "cannot read". */
  ConfigFileException writing() {
    return writing
        ? this
        : new ConfigFileException(
            file, getMessage(), getCause() instanceof IOException io ? io : null, overLimit, true);
  }

  /** The file of {@code size} bytes is over {@link ConfigFiles#MAX_BYTES}. */
  static ConfigFileException overLimit(Path file, long size) {
    return overLimit(file, size, FileLimit.CONFIG);
  }

  /** The file of {@code size} bytes is over {@code limit}. */
  static ConfigFileException overLimit(Path file, long size, FileLimit limit) {
    return new ConfigFileException(
        file,
        size + " bytes is over the " + limit.text() + " limit for a " + limit.kind(),
        null,
        true,
        false);
  }

  /** Wraps an I/O failure of {@code file}, keeping the operating system's reason. */
  public static ConfigFileException of(Path file, IOException e) {
    return of(file, e, "");
  }

  /** Like {@link #of(Path, IOException)}, with what was being done, e.g. " (replacing f)". */
  static ConfigFileException of(Path file, IOException e, String doing) {
    if (e instanceof ConfigFileException known) {
      return known;
    }
    return new ConfigFileException(file, reason(e) + doing, e, false, false);
  }

  /**
   * The operating system's reason for {@code e}: the JDK puts only the path into the message of
   * {@link AccessDeniedException} and friends, which names no cause.
   */
  public static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      // Only creating the directories of a path throws this: one of them is a file.
      return e.getMessage() + " is a file, not a directory";
    }
    if (e instanceof NotDirectoryException) {
      return "a parent of it is not a directory";
    }
    if (e instanceof FileSystemException fs) {
      String reason = fs.getReason();
      return reason != null ? reason : e.getClass().getSimpleName();
    }
    String message = e.getMessage();
    return message != null ? message : e.getClass().getSimpleName();
  }

  /**
   * Whether the file was refused for its size: then the reason is the whole message, not a cause of
   * "cannot read".
   */
  public boolean overLimit() {
    return overLimit;
  }

  /**
   * The text after "FILE: error: ": "cannot read file: REASON" or "cannot write file: REASON", or
   * the size reason alone.
   */
  public String summary() {
    return overLimit
        ? getMessage()
        : "cannot " + (writing ? "write" : "read") + " file: " + getMessage();
  }

  /** The file concerned. */
  public Path file() {
    return file;
  }
}

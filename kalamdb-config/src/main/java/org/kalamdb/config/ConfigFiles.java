package org.kalamdb.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a config file safely: anything that is not a regular file (a named pipe would block the
 * read forever, a device never ends) is refused before it is opened, and so is a file over {@link
 * #MAX_BYTES}, before a byte of it reaches the TOML parser (which needs a few hundred bytes of heap
 * per input byte).
 */
public final class ConfigFiles {
  /**
   * The largest config file read: 256 KiB. Real configs are a few kilobytes. tomlj needs a few
   * hundred bytes of heap per input byte: a 1 MiB file runs a 256 MB heap out of memory, a file at
   * this limit stays well inside it.
   */
  public static final long MAX_BYTES = 256L * 1024;

  /** {@link #MAX_BYTES} as the messages say it. */
  public static final String LIMIT_TEXT = "256 KiB";

  private ConfigFiles() {}

  /**
   * The bytes of {@code file}, following symbolic links.
   *
   * @throws ConfigFileException when the file is missing, not a regular file, too large or cannot
   *     be read; its message is the reason alone ("no such file", "is a named pipe (FIFO)")
   */
  public static byte[] read(Path file) throws ConfigFileException {
    return read(file, FileLimit.CONFIG);
  }

  /**
   * The bytes of {@code file}, following symbolic links, refused when over {@code limit}: the same
   * checks and messages for any kind of file the toolkit reads.
   *
   * @throws ConfigFileException as {@link #read(Path)} does, the size named against {@code limit}
   */
  public static byte[] read(Path file, FileLimit limit) throws ConfigFileException {
    BasicFileAttributes attributes = regularOrAbsent(file);
    if (attributes == null) {
      throw new ConfigFileException(file, "no such file");
    }
    if (attributes.size() > limit.maxBytes()) {
      throw ConfigFileException.overLimit(file, attributes.size(), limit);
    }
    // The size is checked again while reading: the file may grow between the two.
    try (InputStream in = Files.newInputStream(file)) {
      byte[] content = in.readNBytes((int) limit.maxBytes() + 1);
      if (content.length > limit.maxBytes()) {
        throw ConfigFileException.overLimit(file, Files.size(file), limit);
      }
      return content;
    } catch (IOException e) {
      throw ConfigFileException.of(file, e);
    }
  }

  /**
   * The attributes of {@code file} (links followed) when it is a regular file, {@code null} when
   * nothing is there.
   *
   * @throws ConfigFileException when it is something else, or its attributes cannot be read
   */
  public static BasicFileAttributes regularOrAbsent(Path file) throws ConfigFileException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      if (Files.isSymbolicLink(file)) {
        throw new ConfigFileException(file, "is a symbolic link to a file that does not exist");
      }
      return null;
    } catch (IOException e) {
      throw ConfigFileException.of(file, e);
    }
    if (!attributes.isRegularFile()) {
      throw new ConfigFileException(file, FileKind.of(file, attributes) + ", not a regular file");
    }
    return attributes;
  }
}

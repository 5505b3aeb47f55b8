package org.kalamdb.config;

/**
 * The largest file of one kind the toolkit reads, refused before a byte of it is parsed: every
 * parser needs some heap per input byte, and a file far larger than any real one would run the heap
 * out and fail without naming the file. {@link ConfigFiles#read(java.nio.file.Path, FileLimit)}
 * applies it; its messages ({@link ConfigFileException}, {@link ResourceLimits}) name it.
 *
 * @param maxBytes the largest size read, in bytes
 * @param text {@code maxBytes} as messages say it, e.g. {@code 256 KiB}
 * @param kind what such a file is, as messages name it, e.g. {@code config file}
 */
public record FileLimit(long maxBytes, String text, String kind) {
  /** Config files: {@link ConfigFiles#MAX_BYTES}. */
  public static final FileLimit CONFIG =
      new FileLimit(ConfigFiles.MAX_BYTES, ConfigFiles.LIMIT_TEXT, "config file");

  /** Checks the values. */
  public FileLimit {
    if (maxBytes < 1 || maxBytes >= Integer.MAX_VALUE) {
      // Read into one array, with one byte more to see a file that grew.
      throw new IllegalArgumentException(
          "maxBytes must be between 1 and 2^31 - 2, got " + maxBytes);
    }
  }
}

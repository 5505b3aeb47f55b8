package org.kalamdb.config;

import java.util.Optional;

/**
 * The warnings about valid values of a {@code server.toml}'s {@code [storage.rocksdb]} section that
 * do not run as written: values RocksDB silently raises, and settings whose cost the file does not
 * show. {@link ServerSection} has checked the value's type and range first.
 */
final class ServerValueWarnings {
  private ServerValueWarnings() {}

  /** The warning about a number written directly under the section, if it needs one. */
  static Optional<String> of(ServerKey key, long value) {
    return switch (key) {
      case MAX_OPEN_FILES -> maxOpenFiles(value);
      case MAX_BACKGROUND_JOBS ->
          value == 0
              ? Optional.of(
                  "max_background_jobs = 0 still runs 1 flush and 1 compaction at a time in RocksDB;"
                      + " write 2 to say what runs")
              : Optional.empty();
      default -> Optional.empty();
    };
  }

  private static Optional<String> maxOpenFiles(long value) {
    if (value == -1) {
      return Optional.of(
          "max_open_files = -1 keeps every table file open: table readers live outside the block"
              + " cache and grow with the SST count (7.7 MB at 3,470 files measured, see the"
              + " manual's docs/hard-cap.md), and file handles can run out");
    }
    if (value < 20) {
      return Optional.of(
          "max_open_files = " + value + " is raised to 20 by RocksDB; write 20 to say what runs");
    }
    return Optional.empty();
  }

  /** The warning about a flag written directly under the section, if it needs one. */
  static Optional<String> of(ServerKey key, boolean value) {
    if (!value) {
      return Optional.empty();
    }
    return switch (key) {
      case DISABLE_WAL ->
          Optional.of(
              "disable_wal = true: writes skip the write-ahead log, so a crash loses every write"
                  + " since the last flush");
      case SYNC_WRITES ->
          Optional.of(
              "sync_writes = true: every write waits for an fsync of the write-ahead log, which"
                  + " makes writes many times slower");
      default -> Optional.empty();
    };
  }

  /** The warning about a number in the table of {@code profile}, if RocksDB raises it. */
  static Optional<String> inProfile(String profile, ServerKey key, long value) {
    return switch (key) {
      case WRITE_BUFFER_SIZE ->
          value < ColumnFamilyProfile.MIN_WRITE_BUFFER_BYTES
              ? Optional.of(
                  "write_buffer_size = "
                      + value
                      + " of profile "
                      + profile
                      + " is raised to "
                      + ColumnFamilyProfile.MIN_WRITE_BUFFER_BYTES
                      + " (64 KiB) by RocksDB; write "
                      + ColumnFamilyProfile.MIN_WRITE_BUFFER_BYTES
                      + " to say what runs")
              : Optional.empty();
      case MAX_WRITE_BUFFERS ->
          value < ColumnFamilyProfile.MIN_WRITE_BUFFERS
              ? Optional.of(
                  "max_write_buffers = "
                      + value
                      + " of profile "
                      + profile
                      + " is raised to 2 by RocksDB; write 2 to say what runs")
              : Optional.empty();
      default -> Optional.empty();
    };
  }
}

package org.kalamdb.config;

import java.util.List;
import java.util.Map;

/**
 * Reads one dialect's section of a parsed file into the one model, {@link RocksDbConfig}, with
 * every problem found on the way. {@link SectionCheck} reads {@code [rocksdb]}, {@link
 * ServerSection} reads {@code [storage.rocksdb]}; the validator runs the same steps around either.
 */
interface SectionReader {

  /** Reads the section; returns this. */
  SectionReader run();

  /** Every problem found, in the order found. */
  List<Diagnostic> diagnostics();

  /** Whether the file has the section at all. */
  boolean present();

  /** The values read, the dialect's defaults for every value absent or wrong. */
  RocksDbConfig config();

  /** Where each valid toolkit value was written; empty for other dialects. */
  Map<ConfigKey, Location> valuePositions();
}

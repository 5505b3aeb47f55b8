package org.kalamdb.cli.check;

import java.math.BigInteger;
import java.util.Optional;
import org.kalamdb.config.ByteSize;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.RocksDbConfig;

/**
 * The worst case of a configuration by {@link MemoryModel}, with its formula, as {@code --json}
 * prints it; the text summary says it with {@link MemoryModel#worstCaseSentence}.
 *
 * @param mb worst case in MB, rounded up, exactly (a JSON number of any size)
 * @param bytes worst case in bytes, exactly (a JSON number of any size)
 * @param columnFamilies the column-family count it is computed for (for a server file at least the
 *     six the server opens)
 * @param formula the terms, e.g. {@code 17 x 8 MB x 2 + 32 MB cache}
 */
record WorstCase(BigInteger mb, BigInteger bytes, int columnFamilies, String formula) {

  static WorstCase of(RocksDbConfig config, int columnFamilies) {
    return new WorstCase(
        MemoryModel.worstCaseMbExact(config, columnFamilies),
        MemoryModel.worstCaseBytes(config, columnFamilies),
        MemoryModel.countedColumnFamilies(config, columnFamilies),
        MemoryModel.formula(config, columnFamilies));
  }

  /**
   * The worst case of the releases that read a server file's legacy keys, when it has them.
   *
   * @param mb in MB, rounded up, exactly
   * @param bytes in bytes, exactly
   * @param columnFamilies the count it is computed for (one per table in those releases)
   * @param sentence as the text summary says it ({@link MemoryModel#legacySentence})
   */
  record Legacy(BigInteger mb, BigInteger bytes, int columnFamilies, String sentence) {

    static Optional<Legacy> of(RocksDbConfig config, int columnFamilies) {
      return MemoryModel.legacyWorstCaseBytes(config, columnFamilies)
          .map(
              bytes ->
                  new Legacy(
                      ByteSize.ceilMb(bytes),
                      bytes,
                      columnFamilies,
                      MemoryModel.legacySentence(config, columnFamilies).orElseThrow()));
    }
  }
}

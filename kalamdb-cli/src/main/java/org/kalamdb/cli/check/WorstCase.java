package org.kalamdb.cli.check;

import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.RocksDbConfig;

/**
 * The worst case of a configuration by {@link MemoryModel}, with its formula, as {@code --json}
 * prints it; the text summary says it with {@link MemoryModel#worstCaseSentence}.
 *
 * @param mb worst case in MB
 * @param columnFamilies the column-family count it is computed for
 * @param formula the terms, e.g. {@code 17 x 8 MB x 2 + 32 MB cache}
 */
record WorstCase(long mb, int columnFamilies, String formula) {

  static WorstCase of(RocksDbConfig config, int columnFamilies) {
    return new WorstCase(
        MemoryModel.worstCaseMb(config, columnFamilies),
        columnFamilies,
        MemoryModel.formula(config, columnFamilies));
  }
}

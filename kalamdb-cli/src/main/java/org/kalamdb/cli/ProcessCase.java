package org.kalamdb.cli;

import java.math.BigInteger;
import org.kalamdb.config.ByteSize;
import org.kalamdb.config.ProcessModel;
import org.kalamdb.config.RocksDbConfig;

/**
 * The RSS a store of a configuration adds to its process by {@link ProcessModel}, as {@code --json}
 * prints it in {@code check} and {@code estimate}; the text says it with {@link
 * ProcessModel#processSentence}.
 *
 * @param mb in MB, rounded up, exactly
 * @param bytes in bytes, exactly
 * @param formula the terms, e.g. {@code 68 MB worst case + 13 MB librocksdbjni + ...}
 * @param allocator the allocator setup the measured terms hold for
 */
public record ProcessCase(BigInteger mb, BigInteger bytes, String formula, String allocator) {

  /** The figure for a store of {@code config} with {@code columnFamilies}. */
  public static ProcessCase of(RocksDbConfig config, int columnFamilies) {
    BigInteger bytes = ProcessModel.processBytes(config, columnFamilies);
    return new ProcessCase(
        ByteSize.ceilMb(bytes),
        bytes,
        ProcessModel.formula(config, columnFamilies),
        ProcessModel.RECOMMENDED_SETUP);
  }
}

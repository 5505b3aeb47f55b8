package org.kalamdb.junit;

import org.kalamdb.config.Dialect;
import org.kalamdb.config.RocksDbConfig;

/**
 * A store's config and where it came from.
 *
 * @param config the values
 * @param file the file as the failure message names it, or {@code defaults}
 * @param origin the setting that chose the file, e.g. {@code @TempStore config}
 */
record ResolvedConfig(RocksDbConfig config, String file, String origin) {

  static ResolvedConfig defaults() {
    return new ResolvedConfig(RocksDbConfig.defaults(), "defaults", "no config set");
  }

  /** The defaults of a dialect; the toolkit's keep their old name, {@code defaults}. */
  static ResolvedConfig defaults(Dialect dialect) {
    return dialect == Dialect.TOOLKIT
        ? defaults()
        : new ResolvedConfig(
            RocksDbConfig.defaults(dialect), dialect.id() + " defaults", "no config set");
  }
}

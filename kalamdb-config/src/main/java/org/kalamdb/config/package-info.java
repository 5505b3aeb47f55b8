/**
 * The {@code [rocksdb]} configuration in pure Java: reading both dialects ({@code [rocksdb]} and a
 * KalamDB server's {@code [storage.rocksdb]}) into one {@link org.kalamdb.config.RocksDbConfig},
 * finding every located {@link org.kalamdb.config.Diagnostic} ({@link
 * org.kalamdb.config.ConfigValidator}), the worst-case {@link org.kalamdb.config.MemoryModel},
 * sizing for a budget ({@link org.kalamdb.config.ConfigSizer}, {@link
 * org.kalamdb.config.ConfigGenerator}) and writing or merging a section ({@link
 * org.kalamdb.config.ConfigWriter}). No native code, so the Maven plugin and the report can use it
 * without loading RocksDB.
 */
package org.kalamdb.config;

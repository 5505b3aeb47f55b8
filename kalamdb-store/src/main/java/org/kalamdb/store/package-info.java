/**
 * RocksDB opened from a {@link org.kalamdb.config.RocksDbConfig} and measured by RocksDB's own
 * accounting: {@link org.kalamdb.store.RocksDbOptions} (the only place the toolkit builds RocksDB
 * options), {@link org.kalamdb.store.KalamStore}, {@link org.kalamdb.store.MemoryAccountant} and
 * {@link org.kalamdb.store.MemoryUsage}, and the watches that keep the peak of a database or {@link
 * org.kalamdb.store.MemorySource} someone else owns ({@link org.kalamdb.store.DatabaseWatch},
 * {@link org.kalamdb.store.SourceWatch}). Two rules hold throughout: nothing touches a native
 * object after it is freed, and no background thread calls a database its owner may be closing.
 */
package org.kalamdb.store;

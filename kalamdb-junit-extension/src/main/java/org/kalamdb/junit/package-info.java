/**
 * JUnit Jupiter support for temporary RocksDB stores with a memory budget: {@link
 * org.kalamdb.junit.KalamStoreTest}, {@link org.kalamdb.junit.TempStore}, {@link
 * org.kalamdb.junit.MemoryWatch} for databases the code under test opens itself, and the {@link
 * org.kalamdb.junit.KalamStoreExtension} behind them. Works with JUnit Jupiter 5.10 and later, 6.x
 * included.
 */
package org.kalamdb.junit;

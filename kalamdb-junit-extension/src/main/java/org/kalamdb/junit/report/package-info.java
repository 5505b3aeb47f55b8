/**
 * The memory report of a test run as the extension collects it: the tests with their stores, the
 * JVM-wide sum over time and the JVM-wide budget's crossings, fed by the extension's registry of
 * live stores (which the JVM-wide budget also reads) and written as {@code kalamdb-memory.json}
 * (the model and file format are {@link org.kalamdb.report}'s) when the run ends. Used by {@link
 * org.kalamdb.junit.KalamStoreExtension}; the stable contract is the file, not these classes.
 */
package org.kalamdb.junit.report;

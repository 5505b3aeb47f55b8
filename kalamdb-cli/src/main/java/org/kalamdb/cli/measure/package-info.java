/**
 * {@code kalamdb measure}: real stores written by a {@link org.kalamdb.cli.measure.MeasureWorker}
 * in a fresh JVM per profile and column-family count ({@link org.kalamdb.cli.measure.ChildJvm}), so
 * one run's RSS and native memory never leak into the next; the results as a table, JSON or an SVG
 * plot.
 */
package org.kalamdb.cli.measure;

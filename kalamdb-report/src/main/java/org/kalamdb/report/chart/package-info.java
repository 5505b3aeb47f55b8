/**
 * Line charts as self-contained SVG ({@link org.kalamdb.report.chart.SvgChart}) with the data kept
 * in the markup, so a test or a script can check what is drawn. Used by the memory report's page
 * and by {@code kalamdb measure --plot}; it knows nothing of memory reports.
 */
package org.kalamdb.report.chart;

package org.kalamdb.report.chart;

/**
 * A horizontal reference line across the plot, such as a budget.
 *
 * @param label what it is, e.g. {@code JVM budget 256.0 MB}
 * @param y its value, in data units
 */
public record ChartLine(String label, double y) {}

package org.kalamdb.report.chart;

/**
 * A mark at one point of the plot, such as the moment a sum crossed its budget.
 *
 * @param label its tooltip
 * @param x where, in data units
 * @param y its value
 */
public record ChartMarker(String label, double x, double y) {}

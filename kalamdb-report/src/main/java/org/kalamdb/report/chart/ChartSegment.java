package org.kalamdb.report.chart;

/**
 * A horizontal reference line over part of the x axis only, such as one store's budget while its
 * test ran.
 *
 * @param label what it is, written beside it, e.g. {@code store 'orders' budget 8.0 MB}
 * @param fromX where it starts, in data units
 * @param toX where it ends
 * @param y its value, in data units
 */
public record ChartSegment(String label, double fromX, double toX, double y) {}

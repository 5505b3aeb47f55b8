package org.kalamdb.report.chart;

/**
 * A vertical band over an x range, such as the time one test ran.
 *
 * @param label its tooltip, e.g. the test's name
 * @param fromX where it starts, in data units
 * @param toX where it ends
 * @param marked whether it stands out (a test that went over a budget)
 */
public record ChartBand(String label, double fromX, double toX, boolean marked) {}

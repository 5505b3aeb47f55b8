/**
 * The memory report of a test run in pure Java: its model ({@link
 * org.kalamdb.report.MemoryReport}), its file format {@code kalamdb-memory.json} ({@link
 * org.kalamdb.report.MemoryReportJson}), finding and reading report files with located errors
 * ({@link org.kalamdb.report.ReportFiles}), and the self-contained HTML page that merges several
 * ({@link org.kalamdb.report.MemoryReportHtml}). Shared by the JUnit extension that writes reports,
 * the Maven goal that merges them and the CLI that plots measurements, none of which needs RocksDB
 * for it.
 */
package org.kalamdb.report;

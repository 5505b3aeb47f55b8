package org.kalamdb.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A Markdown-style table with padded columns, as the seed report prints its tables. */
public final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  /** A table with these column headings. */
  public TextTable(String... headings) {
    this.columns = headings.length;
    rows.add(headings.clone());
  }

  /** Adds a row; it must have one cell per heading. */
  public TextTable row(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException(
          "expected " + columns + " cells, got " + Arrays.toString(cells));
    }
    rows.add(cells.clone());
    return this;
  }

  /** Prints the headings, a separator line and every row. */
  public void print(PrintWriter out) {
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (int r = 0; r < rows.size(); r++) {
      out.println(line(rows.get(r), widths));
      if (r == 0) {
        String[] dashes = new String[columns];
        for (int i = 0; i < columns; i++) {
          dashes[i] = "-".repeat(widths[i]);
        }
        out.println(line(dashes, widths));
      }
    }
  }

  private static String line(String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder("|");
    for (int i = 0; i < cells.length; i++) {
      line.append(' ').append(cells[i]).append(" ".repeat(widths[i] - cells[i].length()));
      line.append(" |");
    }
    return line.toString();
  }
}

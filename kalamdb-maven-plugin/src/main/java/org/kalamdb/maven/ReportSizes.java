package org.kalamdb.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.kalamdb.report.LoadedReports;
import org.kalamdb.report.Megabytes;

/**
 * What memory-report says when the heap ran out drawing the page: how much it drew from, which file
 * was largest, and what to do, e.g. {@code while drawing the page from 2 report files of 40.1 MB
 * (largest: shard-1/kalamdb-memory.json, 30.0 MB); drawing needs about 20 times that in heap: give
 * Maven more (MAVEN_OPTS=-Xmx1g) or draw fewer reports per page}.
 */
final class ReportSizes {
  /** Heap per byte of report files the page took, measured (13.6 MB of reports: 128 MB short). */
  private static final int HEAP_PER_BYTE = 20;

  private ReportSizes() {}

  static String of(LoadedReports loaded, Function<Path, String> shown) {
    long total = 0;
    long largest = -1;
    Path largestFile = null;
    for (Path file : loaded.files()) {
      long size;
      try {
        size = Files.size(file);
      } catch (IOException gone) {
        continue; // read a moment ago; its size no longer matters
      }
      total += size;
      if (size > largest) {
        largest = size;
        largestFile = file;
      }
    }
    int count = loaded.files().size();
    long suggestedMb = Math.max(512, ((total * HEAP_PER_BYTE) >> 20) / 256 * 256 + 256);
    return "while drawing the page from "
        + count
        + (count == 1 ? " report file" : " report files")
        + " of "
        + Megabytes.of(total)
        + (largestFile == null
            ? ""
            : " (largest: " + shown.apply(largestFile) + ", " + Megabytes.of(largest) + ")")
        + "; drawing needs about "
        + HEAP_PER_BYTE
        + " times that in heap: give Maven more (MAVEN_OPTS=-Xmx"
        + suggestedMb
        + "m) or draw fewer reports per page";
  }
}

package org.kalamdb.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** Reads and writes {@code kalamdb-memory.json}, the file format of {@link MemoryReport}. */
public final class MemoryReportJson {
  /** The file name one run writes in its report directory. */
  public static final String FILE_NAME = "kalamdb-memory.json";

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private MemoryReportJson() {}

  /** The report as JSON text. */
  public static String toJson(MemoryReport report) {
    try {
      return MAPPER.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a memory report did not serialize", e);
    }
  }

  /**
   * Writes the report to {@code file} whole or not at all, as {@link OutputFile#write} does
   * (temporary file, then a move; 0644 for a new file, the old mode kept; a target that is not a
   * regular file is refused), creating the directory.
   */
  public static void write(Path file, MemoryReport report) throws IOException {
    OutputFile.write(file, toJson(report));
  }

  /**
   * Reads one report file.
   *
   * @throws IOException when it cannot be read, is not JSON of this format, or has another format
   *     version; the message names the file and, for JSON errors, the line and column
   */
  public static MemoryReport read(Path file) throws IOException {
    MemoryReport report;
    try {
      report = MAPPER.readValue(file.toFile(), MemoryReport.class);
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw new IOException(
          file + where + ": not a kalamdb memory report: " + e.getOriginalMessage(), e);
    }
    if (report == null || report.format() != MemoryReport.FORMAT) {
      throw new IOException(
          file
              + ": memory report format "
              + (report == null ? "missing" : report.format())
              + ", this version reads format "
              + MemoryReport.FORMAT);
    }
    return report;
  }
}

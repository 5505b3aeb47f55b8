package org.kalamdb.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
          shape(file)
              .map(problem -> file + ": " + problem)
              .orElse(file + where + ": not a kalamdb memory report: " + e.getOriginalMessage()),
          e);
    }
    if (report == null || report.format() != MemoryReport.FORMAT) {
      throw new IOException(
          file
              + ": "
              + shape(file)
                  .orElse(
                      "memory report format "
                          + (report == null ? "missing" : report.format())
                          + ", this version reads format "
                          + MemoryReport.FORMAT));
    }
    return report;
  }

  /**
   * Why a file that is JSON is no report of this version: not an object, another or no format
   * number, or a list missing. Looked at only once binding failed, which on such a file says
   * something about Java (a null list, a missing creator property), not about the file.
   */
  private static Optional<String> shape(Path file) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(file.toFile());
    } catch (IOException notJson) {
      return Optional.empty();
    }
    if (tree == null || !tree.isObject()) {
      return Optional.of("not a kalamdb memory report: not a JSON object");
    }
    JsonNode format = tree.get("format");
    if (format == null || !format.isInt() || format.asInt() != MemoryReport.FORMAT) {
      return Optional.of(
          "memory report format "
              + (format == null ? "missing" : format.toString())
              + ", this version reads format "
              + MemoryReport.FORMAT);
    }
    for (String list : List.of("tests", "timeline", "crossings")) {
      if (tree.get(list) == null || !tree.get(list).isArray()) {
        return Optional.of("not a kalamdb memory report: no \"" + list + "\" array");
      }
    }
    return Optional.empty();
  }
}

package org.kalamdb.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.kalamdb.config.ConfigFileException;
import org.kalamdb.config.ConfigFiles;
import org.kalamdb.config.FileLimit;

/** Reads and writes {@code kalamdb-memory.json}, the file format of {@link MemoryReport}. */
public final class MemoryReportJson {
  /** The file name one run writes in its report directory. */
  public static final String FILE_NAME = "kalamdb-memory.json";

  /**
   * The largest report file read: 32 MiB, about 50,000 tests with one store each. Reading one needs
   * about twice its size in heap, drawing its page about twenty times; a file over it is refused
   * before it is parsed, in one line naming it.
   */
  public static final FileLimit LIMIT = new FileLimit(32L << 20, "32 MiB", "memory report file");

  /** Why a file with anything after its report is refused. */
  private static final String TRAILING = "more after its JSON document (a file holds one report)";

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
   * @throws ConfigFileException when it is not a regular file, is over {@link #LIMIT} or cannot be
   *     read; its message is the reason alone, {@link ConfigFileException#summary()} the text after
   *     "FILE: error: "
   * @throws IOException when it is not JSON of this format (a field missing, {@code null} or
   *     negative, anything after the one JSON document), or has another format version; the message
   *     names the file and, where a place applies, the line and column
   */
  public static MemoryReport read(Path file) throws IOException {
    byte[] content = ConfigFiles.read(file, LIMIT);
    MemoryReport report;
    try (JsonParser parser = MAPPER.createParser(content)) {
      report = MAPPER.readValue(parser, MemoryReport.class);
      if (report != null) {
        requireEnd(parser);
      }
    } catch (JsonProcessingException e) {
      throw new IOException(
          shape(content)
              .map(problem -> file + ": " + problem)
              .orElse(file + where(e.getLocation()) + ": not a kalamdb memory report: " + why(e)),
          e);
    }
    if (report == null || report.format() != MemoryReport.FORMAT) {
      throw new IOException(
          file
              + ": "
              + shape(content)
                  .orElse(
                      "memory report format "
                          + (report == null ? "missing" : report.format())
                          + ", this version reads format "
                          + MemoryReport.FORMAT));
    }
    return report;
  }

  /**
   * Refuses anything after the report's JSON document: two reports in one file (or a report and the
   * rest of something else) would otherwise lose every test after the first, silently.
   */
  private static void requireEnd(JsonParser parser) throws IOException {
    JsonLocation at;
    try {
      if (parser.nextToken() == null) {
        return;
      }
      at = parser.currentTokenLocation();
    } catch (JsonProcessingException notJson) {
      at = notJson.getLocation();
    }
    throw new JsonMappingException(parser, TRAILING, at);
  }

  private static String where(JsonLocation at) {
    return at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
  }

  /**
   * What is wrong, in the report's terms: a field the model refused ({@link ReportFieldException})
   * is named by its place, e.g. {@code tests[3].stores[0].peakBytes is -7, must be >= 0}.
   */
  private static String why(JsonProcessingException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ReportFieldException field
          && e instanceof JsonMappingException mapping) {
        return place(mapping.getPath(), field.field()) + " " + field.problem();
      }
    }
    return e.getOriginalMessage();
  }

  /** {@code tests[3].stores} from Jackson's path to an object and the field in it. */
  private static String place(List<JsonMappingException.Reference> path, String field) {
    StringBuilder place = new StringBuilder();
    for (JsonMappingException.Reference step : path) {
      if (step.getFieldName() != null) {
        place.append(place.length() == 0 ? "" : ".").append(step.getFieldName());
      } else if (step.getIndex() >= 0) {
        place.append('[').append(step.getIndex()).append(']');
      }
    }
    return place.append(place.length() == 0 ? "" : ".").append(field).toString();
  }

  /**
   * Why a file that is JSON is no report of this version: not an object, another or no format
   * number, or a list missing. Looked at only once binding failed, which on such a file says
   * something about Java (a null list, a missing creator property), not about the file.
   */
  private static Optional<String> shape(byte[] content) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(content);
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

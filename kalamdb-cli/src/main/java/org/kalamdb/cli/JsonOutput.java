package org.kalamdb.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Writes the {@code --json} documents of the commands: one indented JSON document per run. */
public final class JsonOutput {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonOutput() {}

  /** Prints {@code value} (records, lists, maps, numbers) as one JSON document. */
  public static void print(PrintWriter out, Object value) {
    out.println(toJson(value));
    out.flush();
  }

  /** {@code value} as indented JSON. */
  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shared mapper, for reading documents back (the measure worker's line). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}

package org.kalamdb.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kalamdb.config.corpus.CorpusCase;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import tools.jackson.databind.JsonNode;

/** Keeps the editors' JSON schema in step with {@link ConfigKey} and with the validator. */
class JsonSchemaTest {
  private static final String RESOURCE = "/kalamdb-config.schema.json";
  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in = JsonSchemaTest.class.getResourceAsStream(RESOURCE)) {
      assertThat(in).as(RESOURCE).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(text, InputFormat.JSON);
    }
  }

  private static JsonNode section() {
    return schema.getSchemaNode().get("properties").get("rocksdb");
  }

  @Test
  void everyKeyIsDescribedWithItsDefaultAndRange() {
    JsonNode properties = section().get("properties");
    List<String> names = new ArrayList<>(properties.propertyNames());
    assertThat(names)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(ConfigKey.values()).map(ConfigKey::tomlName).toList());
    for (ConfigKey key : ConfigKey.values()) {
      JsonNode property = properties.get(key.tomlName());
      assertThat(property.get("type").asString()).as(key.tomlName()).isEqualTo("integer");
      assertThat(property.get("minimum").asLong()).as(key.tomlName()).isEqualTo(key.minimum());
      assertThat(property.get("maximum").asLong()).as(key.tomlName()).isEqualTo(key.maximum());
      assertThat(property.get("default").asLong()).as(key.tomlName()).isEqualTo(key.defaultValue());
      assertThat(property.get("description").asString())
          .as(key.tomlName())
          .isEqualTo(key.description());
    }
    assertThat(section().get("additionalProperties").asBoolean()).isFalse();
    assertThat(schema.getSchemaNode().get("additionalProperties").asBoolean()).isTrue();
  }

  @Test
  void theServerSectionListsWhatTheValidatorReads() {
    JsonNode server =
        schema.getSchemaNode().get("properties").get("storage").get("properties").get("rocksdb");
    assertThat(new ArrayList<>(server.get("properties").propertyNames()))
        .containsExactlyInAnyOrder(
            "block_cache_size",
            "max_background_jobs",
            "max_open_files",
            "sync_writes",
            "disable_wal",
            "compact_on_startup",
            "write_buffer_size",
            "max_write_buffers",
            "cf_profiles");
    JsonNode profiles = server.get("properties").get("cf_profiles").get("properties");
    assertThat(new ArrayList<>(profiles.propertyNames()))
        .containsExactlyElementsOf(ServerLayout.profileNames());
    for (ColumnFamilyProfile profile : ServerLayout.DEFAULT_PROFILES) {
      JsonNode size = profiles.get(profile.name()).get("properties").get("write_buffer_size");
      assertThat(size.get("default").asLong()).isEqualTo(profile.writeBufferSizeBytes());
    }
    assertThat(server.get("properties").get("block_cache_size").get("default").asLong())
        .isEqualTo(ServerLayout.DEFAULT_BLOCK_CACHE_BYTES);
  }

  @Test
  void schemaAgreesWithTheValidatorOnEveryParsableCorpusFile() {
    // Without a budget and with one column family no memory check can fail: what remains is
    // exactly what a schema can express (types, ranges, unknown keys).
    ConfigValidator fileOnly = new ConfigValidator(new CheckOptions(OptionalLong.empty(), 1));
    int compared = 0;
    for (CorpusCase c : CorpusCase.all()) {
      String text = new String(c.content(), StandardCharsets.UTF_8).replace("\uFEFF", "");
      TomlParseResult toml = CleanToml.parse(text).orElse(null);
      if (toml == null || text.contains("\uFFFD") || hasNonFiniteFloat(toml)) {
        continue; // not a document a JSON schema validator could see (tomlj writes inf as +inf)
      }
      boolean validatorAccepts = !fileOnly.validate(c.content(), c.fileName()).hasErrors();
      boolean schemaAccepts = schema.validate(toml.toJson(), InputFormat.JSON).isEmpty();
      assertThat(schemaAccepts).as(c.name() + ": " + toml.toJson()).isEqualTo(validatorAccepts);
      compared++;
    }
    assertThat(compared).isGreaterThan(30);
  }

  @Test
  void wrongTypesAndUnknownKeysAreInvalidForTheSchema() {
    assertThat(validate("[rocksdb]\nwrite_buffer_size_mb = \"8\"\n")).isNotEmpty();
    assertThat(validate("[rocksdb]\nwrite_bufer_size_mb = 8\n")).isNotEmpty();
    assertThat(validate("[rocksdb]\nmax_write_buffer_number = 0\n")).isNotEmpty();
    assertThat(validate("rocksdb = 5\n")).isNotEmpty();
    assertThat(validate("[server]\nport = 1\n[rocksdb]\nmemtable_limit_mb = 32\n")).isEmpty();
    assertThat(validate("[storage.rocksdb]\nblock_cache_size = 1024\n")).isEmpty();
    assertThat(validate("[storage.rocksdb]\nblock_cache_sise = 1024\n")).isNotEmpty();
    assertThat(validate("[storage.rocksdb.cf_profiles.raft]\nwrite_buffer_size = 1\n"))
        .isNotEmpty();
    assertThat(validate("[rocksdb]\n[storage.rocksdb]\n")).isNotEmpty();
  }

  private static boolean hasNonFiniteFloat(TomlParseResult toml) {
    return toml.dottedKeySet(true).stream()
        .map(toml::get)
        .anyMatch(v -> v instanceof Double d && !Double.isFinite(d));
  }

  private static List<?> validate(String toml) {
    return schema.validate(Toml.parse(toml).toJson(), InputFormat.JSON);
  }
}

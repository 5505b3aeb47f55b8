package org.kalamdb.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Checks the {@code [rocksdb]} section of a parsed file, whichever way it was written (table,
 * inline table, dotted keys): that it is a table, that every key is known and every value an
 * integer in range. Values that are wrong are left out of {@link #values()} so their defaults
 * apply.
 *
 * <p>A diagnostic about a value points at the value when the source line allows it to be found
 * reliably, otherwise at its key.
 */
final class SectionCheck implements SectionReader {
  static final String SECTION = "rocksdb";

  private final TomlParseResult toml;
  private final SourceText source;
  private final String file;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Map<ConfigKey, Long> values = new EnumMap<>(ConfigKey.class);
  private final Map<ConfigKey, Location> valuePositions = new EnumMap<>(ConfigKey.class);
  private boolean present;

  SectionCheck(TomlParseResult toml, SourceText source, String file) {
    this.toml = toml;
    this.source = source;
    this.file = file;
  }

  @Override
  public SectionCheck run() {
    Object section = toml.get(List.of(SECTION));
    if (section == null) {
      lookForMisspelledSection();
      return this;
    }
    present = true;
    if (!(section instanceof TomlTable table)) {
      Location at = Location.of(toml.inputPositionOf(List.of(SECTION)));
      diagnostics.add(
          at.diagnostic(
              file,
              Severity.ERROR,
              SECTION,
              "rocksdb must be a table ([rocksdb], rocksdb = { ... } or rocksdb.key = ...), got "
                  + ValueDescription.of(section)));
      return this;
    }
    for (String name : table.keySet()) {
      checkEntry(table, name);
    }
    return this;
  }

  private void checkEntry(TomlTable table, String name) {
    Object value = table.get(List.of(name));
    String dotted = KeyPath.join(List.of(SECTION, name));
    Location keyAt = Location.of(table.inputPositionOf(List.of(name)));
    Optional<ConfigKey> known = ConfigKey.byTomlName(name);
    if (known.isEmpty()) {
      String what =
          value instanceof TomlTable
              ? "unknown table [" + dotted + "]: [rocksdb] has no sub-tables"
              : "unknown key '" + name + "' in [rocksdb]";
      String hint =
          KeySuggestion.closest(name, knownNames())
              .map(s -> "; did you mean '" + s + "'?")
              .orElse("; known keys: " + String.join(", ", knownNames()));
      diagnostics.add(keyAt.diagnostic(file, Severity.ERROR, dotted, what + hint));
      return;
    }
    ConfigKey key = known.get();
    Location at = source.valueAt(keyAt);
    if (!(value instanceof Long number)) {
      diagnostics.add(
          at.diagnostic(
              file, Severity.ERROR, dotted, mustBe(key) + ", got " + ValueDescription.of(value)));
      return;
    }
    if (number < key.minimum()) {
      diagnostics.add(at.diagnostic(file, Severity.ERROR, dotted, mustBe(key) + ", got " + number));
      return;
    }
    if (number > key.maximum()) {
      diagnostics.add(
          at.diagnostic(file, Severity.ERROR, dotted, tooLarge(key) + ", got " + number));
      return;
    }
    if (key == ConfigKey.MAX_WRITE_BUFFER_NUMBER && number == 1) {
      diagnostics.add(
          at.diagnostic(
              file,
              Severity.WARNING,
              dotted,
              "max_write_buffer_number = 1 is raised to 2 by RocksDB; write 2 to say what runs"));
    }
    values.put(key, number);
    valuePositions.put(key, at);
  }

  private static String mustBe(ConfigKey key) {
    return key.tomlName() + " must be " + key.rangeText();
  }

  private static String tooLarge(ConfigKey key) {
    String reason =
        key.maximum() == RocksDbConfig.MAX_SIZE_MB
            ? " (its size in bytes must fit a 64-bit signed integer)"
            : "";
    return key.tomlName() + " must be at most " + key.maximum() + reason;
  }

  /** A top-level key that is almost {@code rocksdb}: the section was meant but will be ignored. */
  private void lookForMisspelledSection() {
    for (String name : toml.keySet()) {
      if (!name.equals(SECTION) && KeySuggestion.distance(name, SECTION) <= 2) {
        Location at = Location.of(toml.inputPositionOf(List.of(name)));
        diagnostics.add(
            at.diagnostic(
                file,
                Severity.WARNING,
                name,
                "section '"
                    + name
                    + "' is not read, so the [rocksdb] defaults apply; did you mean 'rocksdb'?"));
      }
    }
  }

  private static List<String> knownNames() {
    return Arrays.stream(ConfigKey.values()).map(ConfigKey::tomlName).toList();
  }

  @Override
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  @Override
  public boolean present() {
    return present;
  }

  /** The values that were valid integers in range; absent keys and bad values are missing. */
  Map<ConfigKey, Long> values() {
    return values;
  }

  /** Where each valid value was written: {line, column}. */
  @Override
  public Map<ConfigKey, Location> valuePositions() {
    return valuePositions;
  }

  /** The config from the valid values, defaults for every other key. */
  @Override
  public RocksDbConfig config() {
    return new RocksDbConfig(
        get(ConfigKey.WRITE_BUFFER_SIZE_MB),
        (int) get(ConfigKey.MAX_WRITE_BUFFER_NUMBER),
        get(ConfigKey.BLOCK_CACHE_SIZE_MB),
        get(ConfigKey.MEMTABLE_LIMIT_MB));
  }

  private long get(ConfigKey key) {
    return values.getOrDefault(key, key.defaultValue());
  }
}

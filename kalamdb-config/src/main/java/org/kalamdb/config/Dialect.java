package org.kalamdb.config;

import java.util.List;
import java.util.Optional;

/**
 * Which layout of the configuration file a {@link RocksDbConfig} was read from.
 *
 * <ul>
 *   <li>{@link #TOOLKIT} ({@code toolkit}): the {@code [rocksdb]} section in MB that the seed
 *       report proposed; every column family gets the same settings.
 *   <li>{@link #KALAMDB_SERVER} ({@code kalamdb-server}): the {@code [storage.rocksdb]} section of
 *       a KalamDB {@code server.toml}, sizes in bytes, with one profile per column family under
 *       {@code [storage.rocksdb.cf_profiles.<profile>]}.
 * </ul>
 *
 * <p>A file says which it is: a {@code rocksdb} table means toolkit, a {@code storage.rocksdb}
 * table (and no {@code rocksdb}) means server. A file with neither is read as toolkit unless a
 * dialect is given.
 */
public enum Dialect {
  TOOLKIT("toolkit", List.of("rocksdb")),
  KALAMDB_SERVER("kalamdb-server", List.of("storage", "rocksdb"));

  private final String id;
  private final List<String> sectionPath;

  Dialect(String id, List<String> sectionPath) {
    this.id = id;
    this.sectionPath = sectionPath;
  }

  /** The name users write ({@code --dialect kalamdb-server}, {@code kalamdb.dialect}). */
  public String id() {
    return id;
  }

  /** The table path of the section this dialect reads, e.g. {@code [storage, rocksdb]}. */
  public List<String> sectionPath() {
    return sectionPath;
  }

  /** The section as a header is written: {@code [storage.rocksdb]}. */
  public String sectionHeader() {
    return "[" + String.join(".", sectionPath) + "]";
  }

  /**
   * The dialect whose {@link #id()} is written {@code id}, in any case and with surrounding
   * whitespace ({@link ChoiceNames}).
   */
  public static Optional<Dialect> byId(String id) {
    return ChoiceNames.find(List.of(values()), Dialect::id, id);
  }

  /**
   * The dialect named {@code id}, for settings that name one.
   *
   * @throws IllegalArgumentException naming the known dialects when there is none of that name
   */
  public static Dialect parse(String id) {
    return byId(id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown dialect '"
                        + id
                        + "'; known dialects "
                        + ChoiceNames.RULE
                        + ": "
                        + knownIds()));
  }

  /** The known ids, comma separated: {@code toolkit, kalamdb-server}. */
  public static String knownIds() {
    return ChoiceNames.list(List.of(values()), Dialect::id);
  }

  @Override
  public String toString() {
    return id;
  }
}

package org.kalamdb.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a KalamDB server (releases since 2026-03) opens and reads: the six physical column families,
 * the five column-family profiles with their defaults, and which profile each column family takes.
 * Facts from the server's public source, May 2026.
 */
public final class ServerLayout {

  /** The release that stopped reading the legacy keys and introduced the profiles. */
  public static final String PROFILES_SINCE = "2026-03";

  /** The profile every column family without one of its own gets; also {@code default}'s. */
  public static final String BASE_PROFILE = "system_meta";

  /** Default {@code block_cache_size}: 2 MiB. */
  public static final long DEFAULT_BLOCK_CACHE_BYTES = 2L << 20;

  /** The profiles in file order with the server's defaults, all with 2 write buffers. */
  public static final List<ColumnFamilyProfile> DEFAULT_PROFILES =
      List.of(
          new ColumnFamilyProfile("system_meta", 32 << 10, 2),
          new ColumnFamilyProfile("system_index", 32 << 10, 2),
          new ColumnFamilyProfile("hot_data", 128 << 10, 2),
          new ColumnFamilyProfile("hot_index", 64 << 10, 2),
          new ColumnFamilyProfile("raft", 256 << 10, 2));

  /** The column families the server opens, in its order. */
  public static final List<String> COLUMN_FAMILIES =
      List.of("default", "system_meta", "system_index", "hot_data", "hot_index", "raft_data");

  private static final Map<String, String> PROFILE_OF =
      Map.of(
          "default", BASE_PROFILE,
          "system_meta", "system_meta",
          "system_index", "system_index",
          "hot_data", "hot_data",
          "hot_index", "hot_index",
          "raft_data", "raft");

  private ServerLayout() {}

  /** The profile names in file order. */
  public static List<String> profileNames() {
    return DEFAULT_PROFILES.stream().map(ColumnFamilyProfile::name).toList();
  }

  /** The server's default for one profile. */
  public static Optional<ColumnFamilyProfile> defaultProfile(String name) {
    return DEFAULT_PROFILES.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /**
   * The profile a column family takes: its own name for the server's column families ({@code
   * raft_data} takes {@code raft}, {@code default} takes {@code system_meta}), and {@link
   * #BASE_PROFILE} for any other.
   */
  public static String profileOf(String columnFamily) {
    return PROFILE_OF.getOrDefault(columnFamily, BASE_PROFILE);
  }
}

package org.kalamdb.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The C allocator RocksDB's native memory comes from in this process, and the environment settings
 * that tune it. RocksDB allocates with plain {@code malloc}; which {@code malloc} that is decides
 * how much of the memory RocksDB frees goes back to the OS, so the same store shows a different RSS
 * under glibc, glibc with fewer arenas, or a preloaded jemalloc.
 *
 * <p>Detected from the libraries mapped into the process ({@code /proc/self/maps} on Linux): a
 * mapped {@code libjemalloc}, {@code libtcmalloc} or {@code libmimalloc} replaces the C library's
 * allocator (they are preloaded with {@code LD_PRELOAD}); otherwise it is the C library's own,
 * {@code glibc} or {@code musl}. Where the OS has no {@code /proc} (macOS, Windows) the name is
 * {@code unknown}, never an error.
 *
 * @param name {@code glibc}, {@code musl}, {@code jemalloc}, {@code tcmalloc}, {@code mimalloc} or
 *     {@code unknown}
 * @param library the mapped file the allocator comes from, or empty when not known
 * @param settings the environment variables read by that allocator that are set, by name
 */
public record NativeAllocator(String name, String library, Map<String, String> settings) {

  /** Environment variables that tune glibc's malloc. */
  static final List<String> GLIBC_SETTINGS =
      List.of(
          "MALLOC_ARENA_MAX",
          "MALLOC_TRIM_THRESHOLD_",
          "MALLOC_TOP_PAD_",
          "MALLOC_MMAP_THRESHOLD_",
          "GLIBC_TUNABLES");

  /** Environment variables that tune jemalloc (Debian's build reads {@code MALLOC_CONF}). */
  static final List<String> JEMALLOC_SETTINGS = List.of("MALLOC_CONF", "JE_MALLOC_CONF");

  private static final List<String> PRELOADED = List.of("jemalloc", "tcmalloc", "mimalloc");

  public NativeAllocator {
    settings = Map.copyOf(settings);
  }

  /**
   * The allocator of this process. Read once: a process's allocator and environment are fixed when
   * it starts ({@code LD_PRELOAD} is read by the loader, the settings by the allocator's start-up).
   */
  public static NativeAllocator current() {
    return OfThisProcess.ALLOCATOR;
  }

  /** Holds the detection until first asked for it. */
  private static final class OfThisProcess {
    static final NativeAllocator ALLOCATOR = detect(Path.of("/proc/self/maps"), System.getenv());
  }

  /**
   * The allocator a process whose {@code maps} file is {@code maps} and whose environment is {@code
   * environment} uses; {@code unknown} when {@code maps} cannot be read.
   */
  static NativeAllocator detect(Path maps, Map<String, String> environment) {
    List<String> libraries;
    try (Stream<String> lines = Files.lines(maps)) {
      libraries = lines.map(NativeAllocator::mappedFile).filter(f -> !f.isEmpty()).toList();
    } catch (IOException | RuntimeException e) {
      return new NativeAllocator("unknown", "", Map.of());
    }
    for (String allocator : PRELOADED) {
      for (String library : libraries) {
        if (fileName(library).startsWith("lib" + allocator)) {
          return new NativeAllocator(allocator, library, settings(environment, allocator));
        }
      }
    }
    for (String library : libraries) {
      String file = fileName(library);
      if (file.startsWith("ld-musl") || file.startsWith("libc.musl")) {
        return new NativeAllocator("musl", library, Map.of());
      }
    }
    for (String library : libraries) {
      if (fileName(library).startsWith("libc.so")) {
        return new NativeAllocator("glibc", library, settings(environment, "glibc"));
      }
    }
    return new NativeAllocator("unknown", "", Map.of());
  }

  /**
   * For people: {@code glibc malloc (MALLOC_ARENA_MAX=2)}, {@code jemalloc (libjemalloc.so.2,
   * MALLOC_CONF=narenas:2)}, {@code glibc malloc (default settings)}.
   */
  public String describe() {
    if (name.equals("unknown")) {
      return "unknown allocator (no /proc/self/maps)";
    }
    List<String> parts = new ArrayList<>();
    if (PRELOADED.contains(name)) {
      parts.add(fileName(library));
    }
    if (settings.isEmpty()) {
      parts.add("default settings");
    }
    settings.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> parts.add(e.getKey() + "=" + e.getValue()));
    return (name.equals("glibc") ? "glibc malloc" : name) + " (" + String.join(", ", parts) + ")";
  }

  private static Map<String, String> settings(Map<String, String> environment, String allocator) {
    List<String> names =
        switch (allocator) {
          case "glibc" -> GLIBC_SETTINGS;
          case "jemalloc" -> JEMALLOC_SETTINGS;
          case "tcmalloc" -> List.of("TCMALLOC_RELEASE_RATE");
          default -> List.of("MIMALLOC_ARENA_EAGER_COMMIT", "MIMALLOC_PURGE_DELAY");
        };
    Map<String, String> set = new LinkedHashMap<>();
    for (String variable : names) {
      String value = environment.get(variable);
      if (value != null && !value.isEmpty()) {
        set.put(variable, value);
      }
    }
    return set;
  }

  /** The path at the end of a {@code maps} line, or empty for an anonymous mapping. */
  private static String mappedFile(String line) {
    int slash = line.indexOf('/');
    return slash < 0 ? "" : line.substring(slash).trim();
  }

  private static String fileName(String path) {
    int slash = path.lastIndexOf('/');
    return path.substring(slash + 1).toLowerCase(Locale.ROOT);
  }
}

package org.kalamdb.cli.measure;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The C allocator a {@code measure} worker runs on, set through its environment: glibc's malloc as
 * it comes or with fewer arenas, or Debian's jemalloc preloaded, as it comes or with the settings
 * that matter for RocksDB. {@link #CURRENT} leaves the environment as it is.
 */
public enum AllocatorSetup {
  /** Whatever the environment of {@code kalamdb measure} sets up. */
  CURRENT(null, null, false),
  /** glibc's malloc with its defaults: up to 8 arenas per core, each keeping what it freed. */
  GLIBC(null, null, false),
  /** glibc's malloc with two arenas ({@code MALLOC_ARENA_MAX=2}), as Hadoop and many images set. */
  GLIBC_ARENAS_2("MALLOC_ARENA_MAX", "2", false),
  /** jemalloc preloaded, its defaults (4 arenas per core, dirty pages kept 10 s). */
  JEMALLOC(null, null, true),
  /**
   * jemalloc preloaded with {@link #TUNED_MALLOC_CONF}: few arenas, a background thread that
   * returns freed pages to the OS, and short decay times so it does so soon.
   */
  JEMALLOC_TUNED("MALLOC_CONF", AllocatorSetup.TUNED_MALLOC_CONF, true);

  /** The {@code MALLOC_CONF} of {@link #JEMALLOC_TUNED}. */
  public static final String TUNED_MALLOC_CONF =
      "background_thread:true,narenas:2,dirty_decay_ms:1000,muzzy_decay_ms:0";

  private static final String[] ALLOCATOR_VARIABLES = {
    "LD_PRELOAD", "MALLOC_ARENA_MAX", "MALLOC_CONF", "JE_MALLOC_CONF"
  };

  private final String variable;
  private final String value;
  private final boolean jemalloc;

  AllocatorSetup(String variable, String value, boolean jemalloc) {
    this.variable = variable;
    this.value = value;
    this.jemalloc = jemalloc;
  }

  /** The name on the command line: {@code glibc}, {@code glibc-arenas-2}, {@code jemalloc}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether this setup preloads jemalloc. */
  boolean preloadsJemalloc() {
    return jemalloc;
  }

  /**
   * Sets up a worker's {@code environment} (a copy of this process's) for this allocator; {@code
   * jemalloc} is the library to preload, needed only when {@link #preloadsJemalloc()}.
   */
  void applyTo(Map<String, String> environment, Path jemallocLibrary) {
    if (this == CURRENT) {
      return;
    }
    for (String name : ALLOCATOR_VARIABLES) {
      environment.remove(name);
    }
    if (jemalloc) {
      environment.put("LD_PRELOAD", jemallocLibrary.toString());
    }
    if (variable != null) {
      environment.put(variable, value);
    }
  }
}

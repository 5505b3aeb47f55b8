package org.kalamdb.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeAllocatorTest {
  static final Path DEBIAN_JEMALLOC = Path.of("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2");

  @TempDir Path dir;

  @Test
  void aPreloadedJemallocWinsOverTheCLibrary() throws IOException {
    Path maps =
        maps(
            "7f00-7f01 r-xp 00000000 08:01 1 /usr/lib/x86_64-linux-gnu/libc.so.6",
            "7f02-7f03 r-xp 00000000 08:01 2 /usr/lib/x86_64-linux-gnu/libjemalloc.so.2",
            "7f04-7f05 rw-p 00000000 00:00 0 ");
    NativeAllocator allocator =
        NativeAllocator.detect(maps, Map.of("MALLOC_CONF", "narenas:2", "MALLOC_ARENA_MAX", "2"));
    assertEquals("jemalloc", allocator.name());
    assertEquals("jemalloc (libjemalloc.so.2, MALLOC_CONF=narenas:2)", allocator.describe());
  }

  @Test
  void glibcShowsItsArenaSetting() throws IOException {
    Path maps = maps("7f00-7f01 r-xp 00000000 08:01 1 /lib/x86_64-linux-gnu/libc.so.6");
    assertEquals(
        "glibc malloc (MALLOC_ARENA_MAX=2)",
        NativeAllocator.detect(maps, Map.of("MALLOC_ARENA_MAX", "2", "MALLOC_CONF", "x"))
            .describe());
    assertEquals(
        "glibc malloc (default settings)", NativeAllocator.detect(maps, Map.of()).describe());
  }

  @Test
  void noMapsIsUnknownNotAnError() {
    NativeAllocator allocator = NativeAllocator.detect(dir.resolve("missing"), Map.of());
    assertEquals("unknown", allocator.name());
  }

  @Test
  void thisProcessUsesTheCLibraryAllocator() {
    assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "no /proc here");
    assertEquals("glibc", NativeAllocator.current().name());
  }

  /** A real JVM started with Debian's jemalloc preloaded sees it, as RocksDB's mallocs do. */
  @Test
  void aJvmStartedWithJemallocPreloadedDetectsIt() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "no /proc here");
    assumeTrue(
        Files.exists(DEBIAN_JEMALLOC), "libjemalloc2 is not installed (.ci/run installs it)");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(AllocatorProbe.class.getName());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("LD_PRELOAD", DEBIAN_JEMALLOC.toString());
    builder.environment().put("MALLOC_CONF", "background_thread:true");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(60, TimeUnit.SECONDS);
    assertEquals("jemalloc (libjemalloc.so.2, MALLOC_CONF=background_thread:true)", output.strip());
  }

  private Path maps(String... lines) throws IOException {
    return Files.write(dir.resolve("maps"), List.of(lines));
  }

  /** The child JVM of the preload test: prints what it detects. */
  public static final class AllocatorProbe {
    public static void main(String[] args) {
      System.out.println(NativeAllocator.current().describe());
    }
  }
}

package org.kalamdb.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.kalamdb.store.NativeAllocator;

/**
 * The pom's Surefire {@code environmentVariables} reach the test JVM: RocksDB's memory here comes
 * from glibc's malloc with two arenas, as the {@code [kalamdb]} lines and the memory report say.
 */
class AllocatorSetupTest {

  @Test
  void testsRunOnGlibcWithTwoArenas() {
    NativeAllocator allocator = NativeAllocator.current();
    assumeTrue(allocator.name().equals("glibc"), "not glibc here: " + allocator.describe());

    assertThat(allocator.settings()).containsEntry("MALLOC_ARENA_MAX", "2");
    assertThat(allocator.describe()).isEqualTo("glibc malloc (MALLOC_ARENA_MAX=2)");
  }
}

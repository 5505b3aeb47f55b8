package org.kalamdb.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.kalamdb.store.KalamStore;

/**
 * {@code @TempStore Path}: an empty directory per declaration, with a store's lifetime and cleanup.
 * The fixtures record what they were given; these tests check it and what was left behind.
 */
class TempStorePathTest {
  /** What the fixtures saw, in order; read after the run (fixtures run one at a time here). */
  static final List<Path> SEEN = new ArrayList<>();

  @TempDir Path base;

  static boolean isEmptyDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Fixture
  @KalamStoreTest
  @TestMethodOrder(MethodOrderer.MethodName.class)
  static class EveryPlace {
    @TempStore static Path classDir;
    static Path beforeAllDir;

    @TempStore Path perTest;
    @TempStore KalamStore store; // a store next to a directory: both kinds in one class

    private final Path fromConstructor;
    private Path beforeEachDir;

    EveryPlace(@TempStore Path fromConstructor) {
      this.fromConstructor = fromConstructor;
    }

    @BeforeAll
    static void beforeAll(@TempStore Path dir) {
      assertThat(classDir).as("static field set before @BeforeAll").isNotNull();
      beforeAllDir = dir;
    }

    @BeforeEach
    void beforeEach(@TempStore Path dir) {
      assertThat(perTest).as("instance field set before @BeforeEach").isNotNull();
      beforeEachDir = dir;
    }

    @Test
    void a(@TempStore Path dir) throws IOException {
      checkAll(dir);
    }

    @Test
    void b(@TempStore Path dir) throws IOException {
      checkAll(dir);
    }

    private void checkAll(Path dir) throws IOException {
      List<Path> all =
          List.of(classDir, beforeAllDir, perTest, fromConstructor, beforeEachDir, dir);
      assertThat(all).doesNotHaveDuplicates();
      // Class directories got a file in the first test; every directory of this test is empty.
      for (Path each : all.subList(2, all.size())) {
        assertThat(isEmptyDirectory(each)).as("%s is an empty directory", each).isTrue();
      }
      for (Path each : all) {
        assertThat(each.getParent()).isEqualTo(store.directory().getParent());
        Files.writeString(each.resolve("file-" + SEEN.size()), "x");
      }
      SEEN.addAll(all);
    }

    @AfterAll
    static void afterAll() {
      assertThat(classDir).isDirectory();
      assertThat(beforeAllDir).isDirectory();
    }
  }

  @Test
  void everyDeclarationGetsItsOwnEmptyDirectoryUnderTheBaseDirectoryWithAStoresLifetime() {
    SEEN.clear();
    Fixtures fixtures = Fixtures.under(base);
    EngineExecutionResults results = fixtures.run(EveryPlace.class);

    results.allEvents().assertStatistics(stats -> stats.failed(0));
    results.testEvents().assertStatistics(stats -> stats.succeeded(2));
    assertThat(SEEN).hasSize(12);
    List<Path> a = SEEN.subList(0, 6);
    List<Path> b = SEEN.subList(6, 12);
    assertThat(b.get(0)).isEqualTo(a.get(0));
    assertThat(b.get(1)).isEqualTo(a.get(1));
    for (int i = 2; i < 6; i++) {
      assertThat(b.get(i)).isNotEqualTo(a.get(i));
    }
    assertThat(SEEN).allMatch(dir -> dir.getParent().equals(base));
    assertThat(a.get(2).getFileName().toString()).startsWith("kalamdb-pertest-");
    assertThat(a.get(5).getFileName().toString()).startsWith("kalamdb-a.arg0-");
    assertThat(SEEN).noneMatch(Files::exists);
    assertThat(fixtures.leftovers()).isEmpty();
  }

  @Fixture
  @KalamStoreTest
  static class Outer {
    @TempStore static Path outerClassDir;

    @Nested
    class Inner {
      @TempStore Path innerDir;

      @Test
      void seesTheEnclosingDirectory() {
        assertThat(outerClassDir).isDirectory();
        assertThat(innerDir).isDirectory().isNotEqualTo(outerClassDir);
        SEEN.add(outerClassDir);
        SEEN.add(innerDir);
      }
    }
  }

  @Test
  void aNestedClassSeesTheDirectoriesOfItsEnclosingClass() {
    SEEN.clear();
    Fixtures fixtures = Fixtures.under(base);

    fixtures.run(Outer.class).allEvents().assertStatistics(stats -> stats.failed(0));

    assertThat(SEEN).hasSize(2).noneMatch(Files::exists);
    assertThat(fixtures.leftovers()).isEmpty();
  }

  @Fixture
  @KalamStoreTest
  static class PassAndFail {
    @TempStore static Path classDir;

    @Test
    void passes(@TempStore Path dir) throws IOException {
      Files.writeString(dir.resolve("data"), "kept?");
    }

    @Test
    void fails(@TempStore Path dir) throws IOException {
      Files.writeString(dir.resolve("data"), "kept?");
      assertThat(1).isEqualTo(2);
    }
  }

  private List<Path> runWithCleanup(String mode) {
    Fixtures fixtures = Fixtures.under(base).with("kalamdb.store.cleanup", mode);
    EngineExecutionResults results = fixtures.run(PassAndFail.class);
    results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(1));
    results.containerEvents().assertStatistics(stats -> stats.failed(0));
    return fixtures.leftovers();
  }

  @Test
  void directoriesAreDeletedAsTheCleanupModeSays() {
    assertThat(runWithCleanup("always")).isEmpty();

    List<Path> onSuccess = runWithCleanup("on_success");
    assertThat(onSuccess)
        .hasSize(2)
        .anyMatch(dir -> dir.getFileName().toString().startsWith("kalamdb-fails.arg0-"))
        .anyMatch(dir -> dir.getFileName().toString().startsWith("kalamdb-classdir-"));
    assertThat(onSuccess)
        .filteredOn(dir -> dir.getFileName().toString().startsWith("kalamdb-fails.arg0-"))
        .allMatch(dir -> Files.exists(dir.resolve("data")));
  }

  @Test
  void neverKeepsEveryDirectoryWithWhatTheTestsWrote() {
    List<Path> kept = runWithCleanup("never");

    assertThat(kept).hasSize(3);
    assertThat(kept)
        .filteredOn(dir -> !dir.getFileName().toString().startsWith("kalamdb-classdir-"))
        .allMatch(dir -> Files.exists(dir.resolve("data")));
  }
}

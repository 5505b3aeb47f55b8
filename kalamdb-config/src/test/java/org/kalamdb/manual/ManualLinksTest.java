package org.kalamdb.manual;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manual's links: in the repository's README.md and every Markdown file under docs/, each
 * relative link names an existing file and each #anchor a heading of its page, by GitHub's rule.
 * External links (with a scheme) are not followed: the build uses no network.
 */
class ManualLinksTest {

  private static final Path ROOT = repositoryRoot();

  @Test
  void everyRelativeLinkAndAnchorResolves() throws IOException {
    List<String> dead = deadLinks(manualFiles());
    assertThat(dead).as("dead links in the manual").isEmpty();
  }

  @Test
  void theManualIsReadmeAndItsPages() throws IOException {
    assertThat(manualFiles())
        .contains(ROOT.resolve("README.md"), ROOT.resolve("docs/README.md"))
        .hasSizeGreaterThan(5);
  }

  @Test
  void aDeadFileOrAnchorIsFound(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("a.md"),
        "# Top\n\n## `kalamdb check`\n\n[ok](#kalamdb-check) [ok](b.md#the-b-section)\n"
            + "[gone](c.md) [bad anchor](b.md#nothing) [bad](#top-1)\n"
            + "```\n[in code](nowhere.md)\n```\n`[span](nowhere.md)` [web](https://example.org/x)\n");
    Files.writeString(dir.resolve("b.md"), "# The `[b]` section\n");
    assertThat(deadLinks(List.of(dir.resolve("a.md"), dir.resolve("b.md"))))
        .containsExactly(
            dir.resolve("a.md") + ":6: dead link c.md: no such file",
            dir.resolve("a.md") + ":6: dead link b.md#nothing: no heading 'nothing' in b.md",
            dir.resolve("a.md") + ":6: dead link #top-1: no heading 'top-1' in a.md");
  }

  @Test
  void anchorsFollowGitHubsRule() {
    assertThat(MarkdownPage.slug("A KalamDB `server.toml` (`[storage.rocksdb]`)"))
        .isEqualTo("a-kalamdb-servertoml-storagerocksdb");
    assertThat(MarkdownPage.slug("The hard cap (`memtable_limit_mb`)"))
        .isEqualTo("the-hard-cap-memtable_limit_mb");
    assertThat(MarkdownPage.slug("`kalamdb:memory-report` (default phase `verify`): one page"))
        .isEqualTo("kalamdbmemory-report-default-phase-verify-one-page");
    assertThat(MarkdownPage.slug("The suite's memory picture"))
        .isEqualTo("the-suites-memory-picture");
    assertThat(MarkdownPage.parse("# Tests\n## Tests\n### Tests\n").anchors())
        .containsExactlyInAnyOrder("tests", "tests-1", "tests-2");
  }

  @Test
  void readmesTestCommandIsTheOneCiRuns() throws IOException {
    // README's second set-up command; .ci/run runs it with Maven's batch-mode output flags only.
    List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
    String command =
        readme.stream()
            .dropWhile(line -> !line.startsWith("# Every test"))
            .filter(line -> line.startsWith("./mvnw"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("README gives no test command"));
    assertThat(command).isEqualTo("./mvnw verify");
    assertThat(Files.readAllLines(ROOT.resolve(".ci/run")))
        .map(line -> line.replace(" --batch-mode --no-transfer-progress", "").strip())
        .contains(command);
  }

  /** README.md and docs/**.md: the manual. */
  private static List<Path> manualFiles() throws IOException {
    List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    return files;
  }

  /** Each dead link as {@code file:line: dead link TARGET: why}, in file and line order. */
  private static List<String> deadLinks(List<Path> files) {
    Map<Path, MarkdownPage> pages = new HashMap<>();
    List<String> dead = new ArrayList<>();
    for (Path file : files) {
      MarkdownPage page = pages.computeIfAbsent(file, MarkdownPage::read);
      for (MarkdownPage.Link link : page.links()) {
        String target = link.target();
        if (target.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
          continue; // https:, mailto: ...: not followed
        }
        int hash = target.indexOf('#');
        String pathPart = hash < 0 ? target : target.substring(0, hash);
        Path resolved = pathPart.isEmpty() ? file : file.getParent().resolve(pathPart).normalize();
        String why = null;
        if (!Files.exists(resolved)) {
          why = "no such file";
        } else if (hash >= 0 && resolved.toString().endsWith(".md")) {
          String anchor = target.substring(hash + 1);
          MarkdownPage linked = pages.computeIfAbsent(resolved, MarkdownPage::read);
          if (!linked.anchors().contains(anchor)) {
            why = "no heading '" + anchor + "' in " + resolved.getFileName();
          }
        }
        if (why != null) {
          dead.add(shown(file) + ":" + link.line() + ": dead link " + target + ": " + why);
        }
      }
    }
    return dead;
  }

  /** A file as a message names it: relative to the repository's root when it is inside it. */
  private static Path shown(Path file) {
    return file.startsWith(ROOT) ? ROOT.relativize(file) : file;
  }

  /** The repository's root: the nearest directory up from this module's with mvnw and README.md. */
  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null
        && !(Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("README.md")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}

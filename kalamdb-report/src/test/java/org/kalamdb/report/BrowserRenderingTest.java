package org.kalamdb.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page in a real browser: Chromium (the OS package, {@code /usr/bin/chromium}; CI installs it)
 * opens the file headless, and the DOM it builds must hold the numbers of the JSON, and its
 * screenshot must be a picture. Each test is skipped, saying so, where Chromium is not installed.
 */
class BrowserRenderingTest {
  /** Where Chromium is: this system property, else {@code /usr/bin/chromium}. */
  static final String CHROMIUM_PROPERTY = "kalamdb.test.chromium";

  /** Read when used, not when the class loads: {@link BrowserRenderingSkipTest} sets it. */
  private static Path chromium() {
    return Path.of(System.getProperty(CHROMIUM_PROPERTY, "/usr/bin/chromium"));
  }

  private static final long TIMEOUT_SECONDS = 90;

  @TempDir static Path dir;
  private static List<MemoryReport> reports;
  private static Path page;

  @BeforeAll
  static void writePage() throws IOException {
    if (!Files.isExecutable(chromium())) {
      // Surefire's console shows a skipped test's count but not its reason: say it once here.
      System.err.println("BrowserRenderingTest skipped: " + missingReason());
    }
    reports = List.of(SampleReports.forkOne(), SampleReports.forkTwo());
    page = dir.resolve("kalamdb-memory.html");
    OutputFile.write(page, MemoryReportHtml.render(reports));
  }

  /**
   * Each test, not the class, is skipped without Chromium: Surefire then counts the skipped tests
   * and keeps the reason, where an assumption in {@code @BeforeAll} shows as {@code Tests run: 0}.
   */
  @BeforeEach
  void needsChromium() {
    assumeTrue(Files.isExecutable(chromium()), BrowserRenderingTest::missingReason);
  }

  private static String missingReason() {
    return "Chromium is not installed at " + chromium() + " (apt-get install chromium); not run";
  }

  /** Runs Chromium headless on the page with {@code options}; its stdout. */
  private static String chromium(String name, String... options)
      throws IOException, InterruptedException {
    return chromium(page, name, options);
  }

  /** Runs Chromium headless on {@code file} with {@code options}; its stdout. */
  private static String chromium(Path file, String name, String... options)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                chromium().toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile-" + name)));
    command.addAll(List.of(options));
    command.add(file.toUri().toString());
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    Process chromium =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    if (!chromium.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      chromium.descendants().forEach(ProcessHandle::destroyForcibly);
      chromium.destroyForcibly().waitFor();
      throw new AssertionError(
          "Chromium did not finish within "
              + TIMEOUT_SECONDS
              + " s and was killed: "
              + String.join(" ", command)
              + "\n"
              + tail(err));
    }
    assertThat(chromium.exitValue())
        .as("exit code of %s\n%s", String.join(" ", command), tail(err))
        .isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  @Test
  void theDomChromiumBuildsHoldsTheNumbersOfTheJson() throws Exception {
    String dom = chromium("dom", "--dump-dom");

    Document rendered = Jsoup.parse(dom);

    assertThat(rendered.title()).isEqualTo("kalamdb memory report");
    PageAssertions.matchesReports(rendered, reports);
    // The hostile name stayed text: no script element came out of it.
    assertThat(rendered.select("script")).isEmpty();
    assertThat(rendered.select("figure.timeline svg polyline")).hasSize(2);
    assertThat(rendered.select("svg.breakdown")).hasSize(5);
  }

  @Test
  void aStoreFarUnderItsBudgetShowsTheBudgetMarkAndItsShareOfIt() throws Exception {
    // One store, 0.3 MB of 96 MB, and no other budget: the only red on the page is its mark.
    MemoryReport budgets = SampleReports.budgets();
    MemoryReport one =
        new MemoryReport(
            MemoryReport.FORMAT,
            budgets.source(),
            budgets.startedAtEpochMillis(),
            100,
            null,
            List.of(budgets.tests().get(0)),
            budgets.timeline().subList(0, 2),
            List.of());
    Path small = dir.resolve("small.html");
    OutputFile.write(small, MemoryReportHtml.render(List.of(one)));
    Path png = dir.resolve("small.png");

    Document rendered = Jsoup.parse(chromium(small, "small-dom", "--dump-dom"));
    chromium(small, "small-shot", "--screenshot=" + png, "--window-size=1400,1200");

    assertThat(rendered.select("svg.breakdown line.budget").eachAttr("data-bytes"))
        .containsExactly(String.valueOf(96 * SampleReports.MB));
    assertThat(rendered.select("svg.breakdown text.percent").text()).isEqualTo("0.3% of budget");
    BufferedImage image = ImageIO.read(png.toFile());
    int[] mark = redVerticalMark(image);
    assertThat(mark).as("a red budget mark as tall as the bar, in %s", png).isNotNull();
    // The share is written right of the mark, on the bar's line: dark text on white.
    int dark = 0;
    for (int y = mark[1]; y <= mark[2]; y++) {
      for (int x = mark[0] + 4; x < Math.min(image.getWidth(), mark[0] + 110); x++) {
        int rgb = image.getRGB(x, y);
        if (((rgb >> 16) & 0xff) < 120 && ((rgb >> 8) & 0xff) < 120 && (rgb & 0xff) < 120) {
          dark++;
        }
      }
    }
    assertThat(dark).as("pixels of the share's text right of the mark").isGreaterThan(20);
  }

  /**
   * The first column holding a vertical run of at least 14 red pixels, as {x, first y, last y}, or
   * {@code null} without one.
   */
  private static int[] redVerticalMark(BufferedImage image) {
    for (int x = 0; x < image.getWidth(); x++) {
      int start = -1;
      for (int y = 0; y <= image.getHeight(); y++) {
        boolean red = y < image.getHeight() && isRed(image.getRGB(x, y));
        if (red && start < 0) {
          start = y;
        } else if (!red && start >= 0) {
          if (y - start >= 14) {
            return new int[] {x, start, y - 1};
          }
          start = -1;
        }
      }
    }
    return null;
  }

  private static boolean isRed(int rgb) {
    return ((rgb >> 16) & 0xff) >= 160 && ((rgb >> 8) & 0xff) <= 60 && (rgb & 0xff) <= 60;
  }

  @Test
  void theScreenshotIsAPictureOfTheSizeAsked() throws Exception {
    Path png = dir.resolve("page.png");

    chromium("shot", "--screenshot=" + png, "--window-size=1200,1600", "--hide-scrollbars");

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("%s decodes as an image", png).isNotNull();
    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(image.getHeight()).isEqualTo(1600);
    // Text, the chart's lines and the red budget line: many colours, not a blank page.
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 4) {
      for (int x = 0; x < image.getWidth(); x += 4) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertThat(colours.size()).as("distinct colours").isGreaterThan(20);
  }
}

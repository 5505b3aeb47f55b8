package org.kalamdb.cli.measure;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kalamdb.cli.CliRun;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code measure --plot}: the SVG of a real (tiny) run, and a target that cannot be written. */
class MeasurePlotTest {
  private static final String SVG = "http://www.w3.org/2000/svg";

  @TempDir Path workDir;

  private static Document xml(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(file)));
  }

  private static List<Element> elements(Element in, String tag) {
    NodeList nodes = in.getElementsByTagNameNS(SVG, tag);
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }

  private static List<Element> withClass(Element in, String tag, String cssClass) {
    return elements(in, tag).stream()
        .filter(e -> List.of(e.getAttribute("class").split(" ")).contains(cssClass))
        .toList();
  }

  @Test
  void plotsOneLinePerProfileThroughEveryMeasuredCount() throws Exception {
    Path plot = workDir.resolve("plots/measure.svg");
    Path stores = Files.createDirectory(workDir.resolve("stores"));

    CliRun run =
        CliRun.of(
            "measure",
            "--profiles",
            "defaults,seed",
            "--column-families",
            "1,3",
            "--mb-per-cf",
            "1",
            "--work-dir",
            stores.toString(),
            "--json",
            "--plot",
            plot.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.errLines()).last().isEqualTo("plot: " + plot);
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    Element svg = xml(plot).getDocumentElement();
    assertThat(svg.getLocalName()).isEqualTo("svg");
    boolean rss = Files.isReadable(Path.of("/proc/self/status"));
    List<Element> series = withClass(svg, "g", "series");
    List<String> names = series.stream().map(e -> e.getAttribute("data-series")).toList();
    if (rss) {
      assertThat(names)
          .containsExactly(
              "RocksDB defaults accounted",
              "RocksDB defaults RSS",
              "seed settings accounted",
              "seed settings RSS");
    } else {
      assertThat(names).containsExactly("RocksDB defaults accounted", "seed settings accounted");
    }
    for (Element line : series) {
      assertThat(elements(line, "polyline")).hasSize(1);
      assertThat(elements(line, "polyline").get(0).getAttribute("points").split(" ")).hasSize(2);
      assertThat(withClass(line, "circle", "point"))
          .extracting(e -> e.getAttribute("data-x"))
          .containsExactly("1", "3");
    }
    // The accounted points are the JSON's figures, exactly.
    List<String> accounted = new ArrayList<>();
    json.get("results").forEach(r -> accounted.add(r.get("peakTotalBytes").asText()));
    List<String> plotted = new ArrayList<>();
    series.stream()
        .filter(s -> s.getAttribute("data-series").endsWith("accounted"))
        .forEach(
            s ->
                withClass(s, "circle", "point")
                    .forEach(p -> plotted.add(p.getAttribute("data-y"))));
    assertThat(plotted).containsExactlyElementsOf(accounted);
    assertThat(withClass(svg, "text", "axis-title"))
        .extracting(Element::getTextContent)
        .containsExactly("column families", "memory (MB)");
    try (Stream<Path> left = Files.list(stores)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aTargetThatIsNotARegularFileIsOneLineAndNothingIsMeasured() throws Exception {
    Path directory = Files.createDirectory(workDir.resolve("plot.svg"));
    Path pipe = workDir.resolve("pipe.svg");
    assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();

    CliRun intoDirectory =
        CliRun.of(
            "measure",
            "--profiles",
            "seed",
            "--column-families",
            "1",
            "--plot",
            directory.toString());
    CliRun intoPipe =
        CliRun.of(
            "measure", "--profiles", "seed", "--column-families", "1", "--plot", pipe.toString());

    assertThat(intoDirectory.exitCode()).isEqualTo(1);
    assertThat(intoDirectory.errLines())
        .containsExactly(
            directory + ": error: cannot write file: is a directory, not a regular file");
    assertThat(intoDirectory.out()).isEmpty();
    assertThat(intoPipe.exitCode()).isEqualTo(1);
    assertThat(intoPipe.errLines())
        .containsExactly(
            pipe + ": error: cannot write file: is a named pipe (FIFO), not a regular file");
    assertThat(Files.isDirectory(directory)).isTrue();
    assertThat(Files.isRegularFile(pipe)).isFalse();
  }

  @Test
  void thePlotIsNeverTheConfigFileReadAndNothingIsMeasured() throws Exception {
    String toml = "[rocksdb]\nwrite_buffer_size_mb = 4\n";
    Path config = Files.writeString(workDir.resolve("c.toml"), toml);
    Path link = Files.createSymbolicLink(workDir.resolve("plot.svg"), config);

    for (Path plot : List.of(config, link, workDir.resolve("sub/../c.toml"))) {
      CliRun run =
          CliRun.of(
              "measure",
              "--config",
              config.toString(),
              "--profiles",
              "config",
              "--column-families",
              "1",
              "--mb-per-cf",
              "1",
              "--plot",
              plot.toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.errLines())
          .containsExactly(
              plot
                  + ": error: cannot write file: it is the --config file read; name another --plot"
                  + " file");
      assertThat(run.out()).isEmpty();
      assertThat(Files.readString(config)).isEqualTo(toml);
    }
  }

  @Test
  void aPlaceNoPlotCanBeWrittenIsRefusedBeforeAnythingIsMeasured() throws Exception {
    Path file = Files.writeString(workDir.resolve("plain"), "x");
    List<Path> unwritable = new ArrayList<>(List.of(file.resolve("plot.svg")));
    if (Files.isDirectory(Path.of("/sys"))) {
      unwritable.add(Path.of("/sys/kalamdb-plot.svg")); // takes no new file, not even from root
    }

    for (Path plot : unwritable) {
      CliRun run =
          CliRun.of(
              "measure",
              "--profiles",
              "seed",
              "--column-families",
              "1",
              "--mb-per-cf",
              "1",
              "--plot",
              plot.toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.errLines())
          .singleElement(as(STRING))
          .startsWith(plot + ": error: cannot write file: ")
          .endsWith(
              plot.startsWith(file) ? "a parent of it is not a directory" : "permission denied");
      assertThat(run.out()).isEmpty();
    }
  }

  @Test
  void failedRunsAreLeftOutOfThePlot() throws Exception {
    MeasureReport report =
        new MeasureReport(
            MeasureReport.Machine.current(),
            64,
            1,
            1024,
            "sequential",
            List.of(
                WorkerResult.failed("seed", 200, "Too many open files"),
                new WorkerResult(
                    "seed", 6, true, null, 5 << 20, 4 << 20, 1 << 20, 0, null, 1, 1, 1, 1, 0, 1,
                    null, null, null)));
    Path file = workDir.resolve("one.svg");
    Files.writeString(file, MeasurePlot.svg(report), StandardCharsets.UTF_8);

    Element svg = xml(file).getDocumentElement();

    List<Element> series = withClass(svg, "g", "series");
    assertThat(series).hasSize(1);
    assertThat(withClass(series.get(0), "circle", "point"))
        .extracting(e -> e.getAttribute("data-x") + "=" + e.getAttribute("data-y"))
        .containsExactly("6=" + (5 << 20));
  }

  @Test
  void eachAllocatorSetupIsASeriesOfItsOwn() throws Exception {
    WorkerResult run =
        new WorkerResult(
            "config", 6, true, null, 5 << 20, 4 << 20, 1 << 20, 0, null, 1, 1, 1, 1, 0, 1, null,
            null, null);
    MeasureReport report =
        new MeasureReport(
            MeasureReport.Machine.current(),
            64,
            1,
            1024,
            "sequential",
            List.of(run.under(AllocatorSetup.GLIBC), run.under(AllocatorSetup.JEMALLOC)));
    Path file = workDir.resolve("two.svg");
    Files.writeString(file, MeasurePlot.svg(report), StandardCharsets.UTF_8);

    List<Element> series = withClass(xml(file).getDocumentElement(), "g", "series");

    assertThat(series).hasSize(2);
    assertThat(Files.readString(file))
        .contains("config on glibc accounted")
        .contains("config on jemalloc accounted");
  }
}

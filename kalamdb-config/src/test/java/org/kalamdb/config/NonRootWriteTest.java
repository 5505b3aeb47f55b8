package org.kalamdb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomlj.Toml;

/**
 * What a user who is not root meets: a config owned by someone else is refused, not given away, and
 * a directory or file they may not use is named with the operating system's reason. Only root can
 * set this up (files of another owner), so the writes run in a child JVM that {@code setpriv}
 * starts as {@code nobody}; elsewhere the test is skipped.
 */
class NonRootWriteTest {
  private static final String NOBODY = "65534";
  private static final String OLD = "[server]\nport = 8080\n";

  @TempDir static Path shared;
  private static String classpath;

  @BeforeAll
  static void copyTheClasspathWhereNobodyCanReadIt() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of(setpriv())),
        "needs root and setpriv to run a child as nobody");
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
    // The build's classes and jars live under /root, which nobody cannot enter.
    List<String> entries = new ArrayList<>();
    int i = 0;
    for (Class<?> type : List.of(ConfigWriter.class, WriteAsNobody.class, Toml.class, antlr())) {
      Path source = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path copy = shared.resolve("cp" + i++ + (Files.isDirectory(source) ? "" : ".jar"));
      copyReadable(source, copy);
      entries.add(copy.toString());
    }
    classpath = String.join(":", entries);
  }

  private static Class<?> antlr() throws ClassNotFoundException {
    return Class.forName("org.antlr.v4.runtime.CharStream");
  }

  private static String setpriv() {
    return "/usr/bin/setpriv";
  }

  private static void copyReadable(Path source, Path copy) throws IOException {
    try (Stream<Path> all = Files.walk(source)) {
      for (Path from : (Iterable<Path>) all::iterator) {
        Path to = copy.resolve(source.relativize(from).toString());
        if (source.equals(from)) {
          to = copy;
        }
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
          Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else {
          Files.copy(from, to);
          Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
    }
  }

  /** Runs the child as nobody and returns its one line. */
  private static String asNobody(String mode, Path file) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                setpriv(),
                "--reuid=" + NOBODY,
                "--regid=" + NOBODY,
                "--clear-groups",
                "--",
                java.toString(),
                "-Xshare:off",
                "-cp",
                classpath,
                WriteAsNobody.class.getName(),
                mode,
                file.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child ends").isTrue();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(child.exitValue()).as(out).isZero();
    return out;
  }

  private static Path openDirectory(String name) throws IOException {
    Path dir = Files.createDirectory(shared.resolve(name));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    return dir;
  }

  @Test
  void aConfigOfAnotherOwnerIsRefusedAndKept() throws Exception {
    Path dir = openDirectory("service");
    Path config = Files.writeString(dir.resolve("config.toml"), OLD);
    // Writable by everyone, so only the owner (root) stops nobody from taking it over.
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-rw-rw-"));

    String out = asNobody("write", config);

    assertThat(out)
        .isEqualTo(
            "cannot write file: it belongs to root:root and a new file cannot be given that owner"
                + " and group (Operation not permitted); run the command as that user, or copy"
                + " the section in by hand");
    assertThat(Files.readString(config)).isEqualTo(OLD);
    assertThat(Files.getAttribute(config, "unix:uid")).isEqualTo(0);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).as("no temporary file left").containsExactly(config);
    }
  }

  @Test
  void aDirectoryNobodyMayWriteIsNamedWithTheReason() throws Exception {
    Path dir = Files.createDirectory(shared.resolve("locked"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

    assertThat(asNobody("write", dir.resolve("config.toml")))
        .isEqualTo(
            "cannot write file: permission denied (creating a temporary file in " + dir + ")");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aFileNobodyMayReadIsAReadFailureWithTheReason() throws Exception {
    Path dir = openDirectory("secret");
    Path config = Files.writeString(dir.resolve("config.toml"), OLD);
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));

    assertThat(asNobody("read", config)).isEqualTo("cannot read file: permission denied");
    // A write merges into the file, so it must read it first: the same reason, before any change.
    assertThat(asNobody("write", config)).isEqualTo("cannot read file: permission denied");
    assertThat(Files.readString(config)).isEqualTo(OLD);
  }
}

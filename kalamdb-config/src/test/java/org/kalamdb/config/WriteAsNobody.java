package org.kalamdb.config;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The child process of {@link NonRootWriteTest}: run as an unprivileged user, it writes or reads
 * one config file and prints what happened on one line.
 */
public final class WriteAsNobody {
  private WriteAsNobody() {}

  /** {@code write FILE} or {@code read FILE}. */
  public static void main(String[] args) {
    Path file = Path.of(args[1]);
    try {
      if (args[0].equals("write")) {
        ConfigWriter.write(file, new RocksDbConfig(4, 3, 16, 0));
        System.out.println("written");
      } else {
        System.out.println("read " + ConfigFiles.read(file).length + " bytes");
      }
    } catch (ConfigFileException e) {
      System.out.println(e.summary());
    } catch (IOException e) {
      System.out.println("other failure: " + e);
    }
  }
}

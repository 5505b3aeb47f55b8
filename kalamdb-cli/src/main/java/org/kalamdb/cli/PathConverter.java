package org.kalamdb.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts a path argument, refusing what no file can be called: an empty string (which the JDK
 * reads as the current directory) and a NUL character, with the reason instead of the JDK's bare
 * "Nul character not allowed". picocli puts the option's name in front.
 */
final class PathConverter implements ITypeConverter<Path> {

  @Override
  public Path convert(String value) {
    if (value.isEmpty()) {
      throw new TypeConversionException("the path is empty; give a file name");
    }
    if (value.indexOf('\0') >= 0) {
      throw new TypeConversionException(
          "path '" + value.replace("\0", "\\u0000") + "' contains a NUL character");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new TypeConversionException("'" + value + "' is not a valid path: " + e.getReason());
    }
  }
}

package org.kalamdb.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How users write a setting that names one of a few choices (a {@link Dialect}, a store's storage,
 * a cleanup mode): the name in any mix of upper- and lower-case ASCII letters, with leading and
 * trailing whitespace ignored, so {@code KALAMDB-SERVER}, {@code Toolkit} and {@code " memory "}
 * are accepted. The one rule behind the CLI's options, the Maven plugin's parameters and the JUnit
 * extension's attributes and configuration parameters, so that each accepts the same spellings.
 */
public final class ChoiceNames {

  /** Said after the list of names in messages. */
  public static final String RULE = "(case-insensitive)";

  private ChoiceNames() {}

  /** The choice whose {@code name} is {@code written} by this rule, if any. */
  public static <T> Optional<T> find(
      List<T> choices, Function<? super T, String> name, String written) {
    String wanted = written.strip();
    return choices.stream().filter(choice -> sameName(name.apply(choice), wanted)).findFirst();
  }

  /** The names as a message lists them: {@code toolkit, kalamdb-server}. */
  public static <T> String list(List<T> choices, Function<? super T, String> name) {
    return choices.stream().map(name).collect(Collectors.joining(", "));
  }

  /**
   * Equal but for the case of ASCII letters; unlike {@link String#equalsIgnoreCase}, no other
   * character stands for a letter (the Kelvin sign is not {@code k}).
   */
  private static boolean sameName(String name, String written) {
    if (name.length() != written.length()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (asciiLower(name.charAt(i)) != asciiLower(written.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}

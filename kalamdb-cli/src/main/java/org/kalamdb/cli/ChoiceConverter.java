package org.kalamdb.cli;

import java.util.List;
import java.util.function.Function;
import org.kalamdb.config.ChoiceNames;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an option that names one of a few choices by their ids, in any case ({@link ChoiceNames}).
 * An unknown name is a usage error naming the valid ones, e.g. {@code unknown key order 'reverse';
 * expected sequential or random (case-insensitive)}; picocli puts the option's name in front. Each
 * option extends it with the choices, since picocli creates converters from their class.
 *
 * @param <T> the choice type
 */
public abstract class ChoiceConverter<T> implements ITypeConverter<T> {
  private final String what;
  private final List<T> choices;
  private final Function<? super T, String> id;

  /**
   * @param what what the option names, for the message: {@code "profile"}, {@code "key order"}
   * @param choices the choices, in the order the message lists them
   * @param id the name users write for a choice
   */
  protected ChoiceConverter(String what, List<T> choices, Function<? super T, String> id) {
    this.what = what;
    this.choices = List.copyOf(choices);
    this.id = id;
  }

  @Override
  public T convert(String value) {
    return ChoiceNames.find(choices, id, value)
        .orElseThrow(
            () ->
                new TypeConversionException(
                    "unknown "
                        + what
                        + " '"
                        + value.strip()
                        + "'; expected "
                        + alternatives()
                        + " "
                        + ChoiceNames.RULE));
  }

  /** {@code a, b or c}. */
  private String alternatives() {
    List<String> ids = choices.stream().map(id).toList();
    int last = ids.size() - 1;
    return last == 0
        ? ids.get(0)
        : String.join(", ", ids.subList(0, last)) + " or " + ids.get(last);
  }
}

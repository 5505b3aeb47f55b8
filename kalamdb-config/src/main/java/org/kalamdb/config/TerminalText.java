package org.kalamdb.config;

/**
 * Makes text safe to print on a terminal: control characters (C0, DEL and the C1 range), which a
 * key or file name may carry and which a terminal would act on ({@code ESC [31m} turns the screen
 * red), are written as a backslash, {@code u} and four hex digits; everything else is kept as is.
 */
public final class TerminalText {
  private TerminalText() {}

  /** {@code text} with every control character escaped. */
  public static String escape(String text) {
    if (text.chars().noneMatch(TerminalText::isControl)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c)) {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isControl(int c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
  }
}

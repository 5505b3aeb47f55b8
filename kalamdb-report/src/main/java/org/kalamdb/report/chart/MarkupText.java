package org.kalamdb.report.chart;

/**
 * Escapes text for HTML and SVG (text content and quoted attribute values alike): {@code & < > " '}
 * become character references, and a character no page may carry (a C0 control other than tab, line
 * feed and carriage return, DEL, a C1 control, a lone surrogate, U+FFFE and U+FFFF) is written out
 * as a Java escape (a backslash, {@code u} and four hex digits), so that a test name from user code
 * can neither break the markup nor hide.
 */
public final class MarkupText {
  private MarkupText() {}

  /** {@code text} safe inside an element or a quoted attribute; {@code null} is empty. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (forbidden(c)) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean forbidden(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        || (c >= 0x7F && c <= 0x9F)
        || Character.isSurrogate(c)
        || c == 0xFFFE
        || c == 0xFFFF;
  }
}

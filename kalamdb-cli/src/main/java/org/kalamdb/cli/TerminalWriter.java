package org.kalamdb.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import org.kalamdb.config.TerminalText;

/**
 * What the command line prints, made safe for a terminal: a control character that a file name, a
 * key or an argument carries (ESC, DEL, a C1 control) is written escaped as {@link TerminalText}
 * does, so that output cannot recolour or rewrite the user's screen. Line breaks and tabs, which
 * the output's own layout uses, pass through.
 */
final class TerminalWriter extends FilterWriter {

  TerminalWriter(Writer out) {
    super(out);
  }

  @Override
  public void write(int c) throws IOException {
    write(String.valueOf((char) c));
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    write(new String(buffer, offset, length));
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    String part = text.substring(offset, offset + length);
    StringBuilder safe = new StringBuilder(part.length());
    int start = 0;
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        safe.append(TerminalText.escape(part.substring(start, i))).append(c);
        start = i + 1;
      }
    }
    safe.append(TerminalText.escape(part.substring(start)));
    out.write(safe.toString());
  }
}

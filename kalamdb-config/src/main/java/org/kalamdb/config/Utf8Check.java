package org.kalamdb.config;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decodes a file's bytes as strict UTF-8, so that a bad byte is reported at its line and column
 * instead of being replaced silently. A leading byte-order mark is accepted and dropped: editors on
 * Windows write one, and it is invisible to the user.
 */
final class Utf8Check {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** Either the decoded text or the diagnostic for the first bad byte. */
  record Decoded(String text, Diagnostic error) {}

  private Utf8Check() {}

  static Decoded decode(byte[] bytes, String file) {
    int start = hasBom(bytes) ? BOM.length : 0;
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      return new Decoded(null, errorAt(bytes, start, in.position(), file));
    }
    out.flip();
    return new Decoded(out.toString(), null);
  }

  static boolean hasBom(byte[] bytes) {
    return bytes.length >= BOM.length
        && bytes[0] == BOM[0]
        && bytes[1] == BOM[1]
        && bytes[2] == BOM[2];
  }

  private static Diagnostic errorAt(byte[] bytes, int start, int badOffset, String file) {
    // Everything before the first bad byte decoded cleanly, so it can be decoded again to count
    // lines and code points as tomlj and editors count them.
    String before;
    try {
      before =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(bytes, start, badOffset - start))
              .toString();
    } catch (CharacterCodingException impossible) {
      before = "";
    }
    int lineStart = before.lastIndexOf('\n') + 1;
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    int column = before.codePointCount(lineStart, before.length()) + 1;
    String hex = String.format(Locale.ROOT, "0x%02X", bytes[badOffset] & 0xFF);
    return Diagnostic.error(
        file,
        line,
        column,
        null,
        "invalid UTF-8: byte "
            + hex
            + " (at byte offset "
            + badOffset
            + ") is not part of a valid UTF-8 sequence; save the file as UTF-8");
  }
}

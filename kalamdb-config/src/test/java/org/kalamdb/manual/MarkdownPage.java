package org.kalamdb.manual;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Markdown file as GitHub renders it, for link checking: the anchors its headings get and the
 * links it makes. Fenced code blocks and inline code spans hold neither.
 *
 * @param anchors the heading anchors, in page order, numbered like GitHub's ("x", "x-1", ...)
 * @param links every inline link and image target outside code, with its line
 */
record MarkdownPage(Set<String> anchors, List<Link> links) {

  /** A link target as written ({@code docs/x.md#y}, {@code #y}, {@code https://...}). */
  record Link(int line, String target) {}

  private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
  private static final Pattern LINK_TARGET =
      Pattern.compile("\\]\\(<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern INLINE_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern HTML_ANCHOR =
      Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

  /** Reads a page from disk (UTF-8). */
  static MarkdownPage read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a page's text. */
  static MarkdownPage parse(String text) {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    List<Link> links = new ArrayList<>();
    boolean inFence = false;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (FENCE.matcher(line).find()) {
        inFence = !inFence;
        continue;
      }
      if (inFence) {
        continue;
      }
      Matcher html = HTML_ANCHOR.matcher(line);
      while (html.find()) {
        anchors.add(html.group(1));
      }
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String slug = slug(heading.group(1));
        int n = seen.merge(slug, 1, Integer::sum) - 1;
        anchors.add(n == 0 ? slug : slug + "-" + n);
      }
      // Code spans hold no links; their text stays in link text, so only the backticks go.
      Matcher target = LINK_TARGET.matcher(CODE_SPAN.matcher(line).replaceAll(""));
      while (target.find()) {
        links.add(new Link(i + 1, target.group(1)));
      }
    }
    return new MarkdownPage(Set.copyOf(anchors), List.copyOf(links));
  }

  /**
   * GitHub's anchor for a heading: the rendered text (code spans and links as their text), lower
   * case, every character but letters, digits, marks, '_', '-' and spaces dropped, each space a
   * '-'.
   */
  static String slug(String heading) {
    String text = INLINE_LINK.matcher(heading).replaceAll("$1");
    text = text.replace("`", "").toLowerCase(Locale.ROOT);
    return text.replaceAll("[^\\p{L}\\p{N}\\p{M}\\p{Pc}\\- ]", "").replace(' ', '-');
  }
}

package org.kalamdb.cli.measure;

import java.lang.management.ManagementFactory;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The memory the JVM itself has committed (heap, metaspace, code, threads, GC, its own mallocs), as
 * its Native Memory Tracking counts it. RocksDB's allocations are not in it: NMT sees only the
 * JVM's own, which is what lets {@code measure} tell the JVM's share of RSS growth from RocksDB's.
 *
 * <p>Only a JVM started with {@code -XX:NativeMemoryTracking=summary} has a figure (the worker is);
 * elsewhere it is empty. One reading takes a few milliseconds, so the worker reads it between
 * phases only, never while it times writes.
 */
final class JvmNativeMemory {
  private static final Pattern TOTAL =
      Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");

  private JvmNativeMemory() {}

  /** Committed bytes, or empty when NMT is off or the JVM has no diagnostic command bean. */
  static OptionalLong committed() {
    try {
      Object summary =
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new ObjectName("com.sun.management:type=DiagnosticCommand"),
                  "vmNativeMemory",
                  new Object[] {new String[] {"summary"}},
                  new String[] {String[].class.getName()});
      return parse(String.valueOf(summary));
    } catch (JMException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  /** The committed total of an NMT summary, in bytes; empty when it has none. */
  static OptionalLong parse(String summary) {
    Matcher total = TOTAL.matcher(summary);
    return total.find()
        ? OptionalLong.of(Long.parseLong(total.group(2)) * 1024)
        : OptionalLong.empty();
  }
}

/**
 * The Maven goals {@code check-config}, {@code generate-config} and {@code memory-report}, thin
 * over {@link org.kalamdb.config} and {@link org.kalamdb.report}; {@link
 * org.kalamdb.maven.KalamMojo} holds what every goal does alike (skip, paths shown relative to the
 * build's top directory, escaped log lines, one located line instead of a stack trace). No native
 * code, so the plugin stays small and fast.
 */
package org.kalamdb.maven;

/**
 * {@code kalamdb check}: every located diagnostic of each file, as text or {@code --json}, with the
 * worst case of the config; the checking itself is {@link org.kalamdb.config.ConfigValidator}'s.
 */
package org.kalamdb.cli.check;

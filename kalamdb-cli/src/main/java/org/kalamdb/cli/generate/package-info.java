/**
 * {@code kalamdb generate}: the command-line face of {@link org.kalamdb.config.ConfigGenerator},
 * which the Maven goal {@code generate-config} calls too; only printing, merging into a file and
 * the option names are the command's own.
 */
package org.kalamdb.cli.generate;

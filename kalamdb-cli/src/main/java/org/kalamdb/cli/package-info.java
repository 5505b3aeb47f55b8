/**
 * The {@code kalamdb} command ({@link org.kalamdb.cli.KalamCli}) and what its subcommands share:
 * option converters, budget options, terminal and JSON output, and the handler that turns an
 * unexpected exception into one line and exit code 1. Each subcommand lives in a package of its
 * own.
 */
package org.kalamdb.cli;

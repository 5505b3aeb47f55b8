/**
 * {@code kalamdb estimate}: worst-case memory tables computed from the memory model, for a config
 * against RocksDB's defaults, and for the stores of a Kafka Streams topology. Pure arithmetic: it
 * opens no database.
 */
package org.kalamdb.cli.estimate;

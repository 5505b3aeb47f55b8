/**
 * The sample Kafka Streams application, a template to copy: a click-count topology ({@link
 * org.kalamdb.sample.streams.ClickCounts}) whose state stores take their RocksDB options from
 * {@code KalamRocksDBConfigSetter}, and the application that runs it.
 */
package org.kalamdb.sample.streams;

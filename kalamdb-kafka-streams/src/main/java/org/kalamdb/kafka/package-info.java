/**
 * Kafka Streams support: {@link org.kalamdb.kafka.KalamRocksDBConfigSetter} puts every RocksDB
 * state store of an application under one config through {@link org.kalamdb.store.RocksDbOptions},
 * shared per config file by all stores of the JVM, and {@link org.kalamdb.kafka.StreamsMemory}
 * samples them as one {@link org.kalamdb.store.MemorySource}. Kafka owns the databases, so their
 * figures are read only inside RocksDB's flush callbacks.
 */
package org.kalamdb.kafka;

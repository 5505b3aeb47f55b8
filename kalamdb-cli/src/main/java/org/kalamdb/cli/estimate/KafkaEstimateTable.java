package org.kalamdb.cli.estimate;

import java.io.PrintWriter;
import org.kalamdb.cli.TextTable;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.RocksDbConfig;

/**
 * Prints a {@link KafkaEstimate} the way {@code estimate} prints its table: per instance and in
 * total, then every term of every figure.
 */
record KafkaEstimateTable(RocksDbConfig config, KafkaTopology topology, KafkaEstimate estimate) {

  void print(PrintWriter out, String source) {
    TextTable table = new TextTable("Scope", "Kafka's defaults", "this config", "saving");
    table.row(
        "per RocksDB instance",
        estimate.defaultsPerInstanceMb() + " MB",
        estimate.capped() ? "shared cap" : estimate.configPerInstanceMb() + " MB + shared cache",
        "-");
    table.row(
        topology.instances() + (topology.instances() == 1 ? " instance" : " instances"),
        estimate.defaultsMb() + " MB",
        estimate.configMb() + " MB",
        estimate.savingText());
    out.println(
        "Worst case of a Kafka Streams topology, Kafka's defaults vs "
            + source
            + " through KalamRocksDBConfigSetter:");
    out.println();
    table.print(out);
    out.println();
    out.println("Formulas:");
    out.println("  RocksDB instances: " + topology.instancesFormula());
    out.println("  column families:   " + topology.columnFamiliesFormula());
    out.println("  Kafka's defaults:");
    out.println(
        "    per instance:    "
            + estimate.defaultsPerInstanceFormula()
            + " = "
            + estimate.defaultsPerInstanceMb()
            + " MB");
    out.println(
        "    total:           "
            + estimate.defaultsFormula()
            + " = "
            + estimate.defaultsMb()
            + " MB");
    out.println("  this config:");
    out.println("    per instance:    " + estimate.configPerInstanceFormula());
    out.println(
        "    total:           " + estimate.configFormula() + " = " + estimate.configMb() + " MB");
    out.println("  saving:            " + estimate.savingFormula());
    Long minimum = estimate.minimumMemtableLimitMb();
    if (minimum != null && config.memtableLimitMb() < minimum) {
      // The same floor check-config holds a store to, for the topology's column families.
      out.println();
      out.println(
          "note: memtable_limit_mb = "
              + config.memtableLimitMb()
              + " is below the "
              + minimum
              + " MB that "
              + topology.columnFamilies()
              + " column families need for useful flushes ("
              + MemoryModel.MIN_MEMTABLE_LIMIT_PER_CF_KB
              + " KB each)");
    }
    out.println();
    out.println(
        "Kafka's defaults (Kafka Streams 4.4 RocksDBStore), per RocksDB instance: its own "
            + KafkaStreamsDefaults.BLOCK_CACHE_SIZE_MB
            + " MB LRU block cache, and write_buffer_size "
            + KafkaStreamsDefaults.WRITE_BUFFER_SIZE_MB
            + " MB x max_write_buffer_number "
            + KafkaStreamsDefaults.MAX_WRITE_BUFFER_NUMBER
            + " in each column family with the store's options; the offsets column family has"
            + " options of its own, "
            + KafkaStreamsDefaults.OFFSETS_WRITE_BUFFER_SIZE_MB
            + " MB x "
            + KafkaStreamsDefaults.OFFSETS_MAX_WRITE_BUFFER_NUMBER
            + ", which no config setter sees. Every store x partition x segment is its own"
            + " RocksDB instance.");
    out.flush();
  }
}

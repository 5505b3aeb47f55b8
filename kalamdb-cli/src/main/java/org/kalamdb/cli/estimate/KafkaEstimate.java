package org.kalamdb.cli.estimate;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.kalamdb.config.ByteSize;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.MemoryModel;
import org.kalamdb.config.RocksDbConfig;

/**
 * A Kafka Streams topology's worst case, computed: {@link KafkaStreamsDefaults} per instance and in
 * total against a config applied by {@code KalamRocksDBConfigSetter}, which gives every instance of
 * the JVM that names the config one shared cache and, with {@code memtable_limit_mb}, one shared
 * write buffer manager.
 *
 * <p>The config's total is {@link MemoryModel}'s: with a cap, {@link MemoryModel#worstCaseBytes}
 * for every column family of every instance (the write buffer manager is set on the database
 * options, so the offsets column families are under the cap too); without one, the model's figure
 * for the column families with the store's options plus each instance's offsets column family,
 * which keeps Kafka's 1 MB x 2 (the setter never sees its options).
 *
 * @param defaultsPerInstanceMb one instance with Kafka's defaults
 * @param defaultsPerInstanceFormula how {@code defaultsPerInstanceMb} is computed
 * @param defaultsMb all instances with Kafka's defaults
 * @param defaultsFormula how {@code defaultsMb} is computed: {@code 40 x 148 MB}
 * @param capped whether the config has {@code memtable_limit_mb}
 * @param configPerInstanceMb one instance's own memtables under the config, without the shared
 *     cache; {@code null} with a cap, where nothing is an instance's own
 * @param configPerInstanceFormula how one instance's share is computed, or what is shared
 * @param configBytes all instances under the config, exactly
 * @param configMb {@code configBytes} in whole MB, rounded up
 * @param configFormula how {@code configBytes} is computed
 * @param savingPercent {@code (defaultsMb - configMb) / defaultsMb}, in percent with one decimal
 * @param minimumMemtableLimitMb with a cap, the least {@code memtable_limit_mb} the model asks for
 *     this many column families ({@link MemoryModel#minimumMemtableLimitMb}); {@code null} without
 */
public record KafkaEstimate(
    long defaultsPerInstanceMb,
    String defaultsPerInstanceFormula,
    BigInteger defaultsMb,
    String defaultsFormula,
    boolean capped,
    BigInteger configPerInstanceMb,
    String configPerInstanceFormula,
    BigInteger configBytes,
    BigInteger configMb,
    String configFormula,
    BigDecimal savingPercent,
    Long minimumMemtableLimitMb) {

  /**
   * The estimate of {@code topology} under {@code config}, a toolkit config.
   *
   * @throws IllegalArgumentException for a kalamdb-server config, whose profiles name the server's
   *     column families, not a store's
   */
  public static KafkaEstimate of(RocksDbConfig config, KafkaTopology topology) {
    if (config.dialect() != Dialect.TOOLKIT) {
      throw new IllegalArgumentException(
          "--kafka-streams estimates a toolkit config ([rocksdb]), not a "
              + config.dialect().id()
              + " one");
    }
    int instances = topology.instances();
    int perInstance = topology.storeColumnFamiliesPerInstance();
    long defaultsPerInstance = KafkaStreamsDefaults.perInstanceMb(perInstance);
    BigInteger defaults =
        BigInteger.valueOf(instances).multiply(BigInteger.valueOf(defaultsPerInstance));
    BigInteger configBytes;
    String configFormula;
    BigInteger configPerInstanceMb = null;
    String configPerInstanceFormula;
    Long minimumLimit = null;
    if (config.hasMemtableLimit()) {
      configBytes = MemoryModel.worstCaseBytes(config, topology.columnFamilies());
      configFormula = MemoryModel.formula(config, topology.columnFamilies());
      configPerInstanceFormula =
          "none of its own: one "
              + config.blockCacheSizeMb()
              + " MB cache and the "
              + config.memtableLimitMb()
              + " MB memtable limit for all "
              + instances
              + plural(" instance", instances);
      minimumLimit = MemoryModel.minimumMemtableLimitMb(topology.columnFamilies());
    } else {
      BigInteger offsets = mbBytes(instances * KafkaStreamsDefaults.offsetsMb());
      configBytes = MemoryModel.worstCaseBytes(config, topology.storeColumnFamilies()).add(offsets);
      configFormula =
          MemoryModel.formula(config, topology.storeColumnFamilies())
              + " + "
              + instances
              + " x "
              + KafkaStreamsDefaults.offsetsTerm();
      BigInteger own =
          config
              .baseProfile()
              .worstCaseBytes()
              .multiply(BigInteger.valueOf(perInstance))
              .add(mbBytes(KafkaStreamsDefaults.offsetsMb()));
      configPerInstanceMb = ByteSize.ceilMb(own);
      configPerInstanceFormula =
          perInstance
              + " x "
              + config.writeBufferSizeMb()
              + " MB x "
              + config.effectiveMaxWriteBufferNumber()
              + " + "
              + KafkaStreamsDefaults.offsetsTerm()
              + " = "
              + configPerInstanceMb
              + " MB, and one "
              + config.blockCacheSizeMb()
              + " MB cache for all "
              + instances
              + plural(" instance", instances);
    }
    BigInteger configMb = ByteSize.ceilMb(configBytes);
    return new KafkaEstimate(
        defaultsPerInstance,
        KafkaStreamsDefaults.perInstanceFormula(perInstance),
        defaults,
        instances + " x " + defaultsPerInstance + " MB",
        config.hasMemtableLimit(),
        configPerInstanceMb,
        configPerInstanceFormula,
        configBytes,
        configMb,
        configFormula,
        Estimate.savingPercent(defaults, configMb),
        minimumLimit);
  }

  /** The saving formula as printed: {@code (5920 - 72) / 5920 = 98.8%}. */
  public String savingFormula() {
    return "(" + defaultsMb + " - " + configMb + ") / " + defaultsMb + " = " + savingText();
  }

  /** The saving as printed: {@code 98.8%}. */
  public String savingText() {
    return savingPercent.toPlainString() + "%";
  }

  private static BigInteger mbBytes(long mb) {
    return BigInteger.valueOf(mb).shiftLeft(20);
  }

  private static String plural(String word, long count) {
    return count == 1 ? word : word + "s";
  }
}

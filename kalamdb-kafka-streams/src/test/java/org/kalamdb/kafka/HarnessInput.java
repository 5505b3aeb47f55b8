package org.kalamdb.kafka;

/**
 * The input of one harness case, the same whichever driver runs it: 1 KB values that do not
 * compress away, enough records that every store gets {@code bytesPerStore} (each record is written
 * as {@value HarnessTopology#VALUES_PER_RECORD} values), timestamps spread evenly over 14 minutes
 * so that window stores fill three segments.
 */
record HarnessInput(int stores, long bytesPerStore) {
  static final int VALUE_BYTES = 1024;
  private static final long SPAN_MS = 14 * 60_000L;
  private static final long START_MS = 1_700_000_000_000L;

  long records() {
    return Math.max(
        stores, stores * bytesPerStore / VALUE_BYTES / HarnessTopology.VALUES_PER_RECORD);
  }

  byte[] value(int key) {
    return StoresTopology.value(key, VALUE_BYTES);
  }

  long timestamp(long record) {
    return START_MS + record * SPAN_MS / records();
  }
}

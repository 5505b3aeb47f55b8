package org.kalamdb.cli.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyOrderTest {

  private static final int KEYS = 10_000;

  @Test
  void sequentialKeysAreTheIndexInAscendingOrder() {
    byte[] previous = KeyOrder.SEQUENTIAL.key(3, 0);
    assertThat(ByteBuffer.wrap(previous).getLong(8)).isZero();
    for (long i = 1; i < KEYS; i++) {
      byte[] key = KeyOrder.SEQUENTIAL.key(3, i);
      assertThat(Arrays.compareUnsigned(key, previous)).isPositive();
      previous = key;
    }
  }

  @Test
  void randomKeysAreDistinctKeepTheirColumnFamilyAndAreNotInWriteOrder() {
    Set<Long> suffixes = new HashSet<>();
    int ascending = 0;
    byte[] previous = KeyOrder.RANDOM.key(7, 0);
    for (long i = 0; i < KEYS; i++) {
      byte[] key = KeyOrder.RANDOM.key(7, i);
      ByteBuffer buffer = ByteBuffer.wrap(key);
      assertThat(key).hasSize(16);
      assertThat(buffer.getLong(0)).isEqualTo(7);
      suffixes.add(buffer.getLong(8));
      if (Arrays.compareUnsigned(key, previous) > 0) {
        ascending++;
      }
      previous = key;
    }
    assertThat(suffixes).hasSize(KEYS);
    // Scrambled: about half the steps go up, far from the all-ascending sequential order.
    assertThat(ascending).isBetween(KEYS * 4 / 10, KEYS * 6 / 10);
    assertThat(KeyOrder.RANDOM.key(7, 5)).isEqualTo(KeyOrder.RANDOM.key(7, 5));
  }
}

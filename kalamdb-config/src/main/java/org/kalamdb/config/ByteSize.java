package org.kalamdb.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * How sizes in bytes are shown: {@code 64 KiB}, {@code 2 MiB}, {@code 100000 bytes}, {@code 3.25
 * MB}.
 */
public final class ByteSize {
  private static final BigInteger MIB = BigInteger.ONE.shiftLeft(20);

  private ByteSize() {}

  /** Exact: a whole number of MiB or KiB where it is one, else bytes. */
  public static String exact(long bytes) {
    if (bytes != 0 && bytes % (1 << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    if (bytes != 0 && bytes % (1 << 10) == 0) {
      return (bytes >> 10) + " KiB";
    }
    return bytes + " bytes";
  }

  /** MB (2^20 bytes) with up to two decimals, trailing zeros dropped: {@code 3.25 MB}. */
  public static String mb(BigInteger bytes) {
    BigDecimal mb = new BigDecimal(bytes).divide(new BigDecimal(MIB), 2, RoundingMode.CEILING);
    return mb.stripTrailingZeros().toPlainString() + " MB";
  }

  /** Whole MB, rounded up. */
  public static BigInteger ceilMb(BigInteger bytes) {
    return bytes.add(MIB).subtract(BigInteger.ONE).shiftRight(20);
  }
}

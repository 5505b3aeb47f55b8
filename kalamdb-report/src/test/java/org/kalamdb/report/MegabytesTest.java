package org.kalamdb.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kalamdb.report.SampleReports.MB;

import org.junit.jupiter.api.Test;

class MegabytesTest {

  @Test
  void figuresOfATenthOfAMegabyteAndMoreAreInMegabytes() {
    assertThat(Megabytes.of(9 * MB + 123_457)).isEqualTo("9.1 MB");
    assertThat(Megabytes.of(96 * MB)).isEqualTo("96.0 MB");
    assertThat(Megabytes.of(104_858)).isEqualTo("0.1 MB");
  }

  @Test
  void smallerFiguresAreInKilobytesAndBelowOneInBytes() {
    assertThat(Megabytes.of(104_857)).isEqualTo("102.4 KB");
    assertThat(Megabytes.of(2048)).isEqualTo("2.0 KB");
    assertThat(Megabytes.of(1024)).isEqualTo("1.0 KB");
    assertThat(Megabytes.of(1023)).isEqualTo("1023 B");
    assertThat(Megabytes.of(0)).isEqualTo("0 B");
  }

  @Test
  void theNumberOfAMegabyteColumnStaysInMegabytes() {
    assertThat(Megabytes.number(2048)).isEqualTo("0.0");
    assertThat(Megabytes.number(9 * MB + 123_457)).isEqualTo("9.1");
  }
}

package org.kalamdb.junit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kalamdb.report.TimelinePoint;

/** The timeline stays bounded over a long run and keeps its peaks and its whole span. */
class TimelineTest {

  @Test
  void aSumThatDoesNotChangeAddsNoPointButTheEndDoes() {
    Timeline timeline = new Timeline();
    timeline.add(0, 5);
    timeline.add(10, 5);
    timeline.add(20, 7);
    timeline.end(30, 7);

    assertThat(timeline.points())
        .containsExactly(
            new TimelinePoint(0, 5), new TimelinePoint(20, 7), new TimelinePoint(30, 7));
  }

  @Test
  void aLongRunIsHalvedKeepingEveryPeakInOrder() {
    Timeline timeline = new Timeline(64);
    for (int t = 0; t < 10_000; t++) {
      timeline.add(t, t == 4321 ? 1_000_000 : t % 7);
    }
    timeline.end(10_000, 3);

    List<TimelinePoint> points = timeline.points();
    assertThat(points.size()).isBetween(16, 64);
    assertThat(points).contains(new TimelinePoint(4321, 1_000_000));
    for (int i = 1; i < points.size(); i++) {
      assertThat(points.get(i).atMillis()).isGreaterThanOrEqualTo(points.get(i - 1).atMillis());
    }
    // One even step over the whole run: the start is still there, and so is the end.
    assertThat(points.get(0).atMillis()).isLessThan(10_000 / 16);
    assertThat(points.get(points.size() - 1).atMillis()).isEqualTo(10_000);
  }
}

package org.kalamdb.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Thins a long timeline for drawing: a run sampled for an hour has far more points than a chart has
 * pixels. Each of {@link #BUCKETS} equal runs of points keeps its lowest and its highest point, in
 * time order, so every peak (and every dip) of the run is still drawn.
 */
final class TimelineSamples {
  /** Timelines up to twice this many points are drawn whole. */
  static final int BUCKETS = 1000;

  private TimelineSamples() {}

  static List<TimelinePoint> forDrawing(List<TimelinePoint> timeline) {
    int size = timeline.size();
    if (size <= 2 * BUCKETS) {
      return timeline;
    }
    List<TimelinePoint> kept = new ArrayList<>(2 * BUCKETS);
    for (int b = 0; b < BUCKETS; b++) {
      int from = (int) ((long) b * size / BUCKETS);
      int to = (int) ((long) (b + 1) * size / BUCKETS);
      int low = from;
      int high = from;
      for (int i = from; i < to; i++) {
        if (timeline.get(i).totalBytes() < timeline.get(low).totalBytes()) {
          low = i;
        }
        if (timeline.get(i).totalBytes() > timeline.get(high).totalBytes()) {
          high = i;
        }
      }
      kept.add(timeline.get(Math.min(low, high)));
      if (low != high) {
        kept.add(timeline.get(Math.max(low, high)));
      }
    }
    return kept;
  }
}

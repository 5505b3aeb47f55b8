package org.kalamdb.junit.report;

import java.util.ArrayList;
import java.util.List;
import org.kalamdb.report.TimelinePoint;

/**
 * The JVM-wide sum over a run, bounded in size: a point only when the sum changed, and at most one
 * per step of time, the highest in it, so a peak is never lost. The step starts at 0 (every change
 * kept) and doubles whenever {@link #MAX_POINTS} are reached, merging the points kept so far to the
 * new step: a long run keeps its whole span at one even, coarser resolution. Not thread safe (its
 * owner locks).
 */
final class Timeline {
  /** At most this many points are kept. */
  static final int MAX_POINTS = 4096;

  private final int maxPoints;
  private List<TimelinePoint> points = new ArrayList<>();
  private long stepMillis;

  Timeline() {
    this(MAX_POINTS);
  }

  Timeline(int maxPoints) {
    if (maxPoints < 4) {
      throw new IllegalArgumentException("a timeline keeps at least 4 points, not " + maxPoints);
    }
    this.maxPoints = maxPoints;
  }

  /** The sum at {@code atMillis}; kept if it differs from the last one (times never go back). */
  void add(long atMillis, long totalBytes) {
    if (!points.isEmpty()) {
      TimelinePoint last = points.get(points.size() - 1);
      if (last.totalBytes() == totalBytes) {
        return;
      }
      atMillis = Math.max(atMillis, last.atMillis());
    }
    append(new TimelinePoint(atMillis, totalBytes));
    while (points.size() > maxPoints) {
      stepMillis = Math.max(1, stepMillis * 2);
      List<TimelinePoint> merged = new ArrayList<>(points.size());
      List<TimelinePoint> old = points;
      points = merged;
      old.forEach(this::append);
    }
  }

  /** The last sum, also when it did not change: the line then reaches the end of the run. */
  void end(long atMillis, long totalBytes) {
    add(atMillis, totalBytes);
    TimelinePoint last = points.get(points.size() - 1);
    if (last.atMillis() < atMillis) {
      if (stepMillis > 0 && atMillis / stepMillis == last.atMillis() / stepMillis) {
        points.remove(points.size() - 1); // the end replaces a point of its own step
      }
      points.add(new TimelinePoint(atMillis, Math.max(totalBytes, last.totalBytes())));
    }
  }

  /** Adds a point, or keeps the higher of it and the last point when both are in one step. */
  private void append(TimelinePoint point) {
    if (!points.isEmpty() && stepMillis > 0) {
      int lastIndex = points.size() - 1;
      TimelinePoint last = points.get(lastIndex);
      if (last.atMillis() / stepMillis == point.atMillis() / stepMillis) {
        if (point.totalBytes() > last.totalBytes()) {
          points.set(lastIndex, point);
        }
        return;
      }
    }
    points.add(point);
  }

  List<TimelinePoint> points() {
    return List.copyOf(points);
  }
}

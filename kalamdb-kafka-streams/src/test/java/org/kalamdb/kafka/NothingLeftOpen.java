package org.kalamdb.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails the test that leaves shared options alive: every store it opened must be closed by its end,
 * failed or not, or the next test shares a cache and a manager still holding the leaked stores'
 * memory and fails in its place. Registered for every test of this module through JUnit's extension
 * autodetection ({@code junit-platform.properties}).
 */
public final class NothingLeftOpen implements AfterEachCallback {

  @Override
  public void afterEach(ExtensionContext context) {
    assertThat(SharedOptions.liveCount())
        .as(
            "shared options still alive after %s (a store it opened was not closed)",
            context.getDisplayName())
        .isZero();
  }
}

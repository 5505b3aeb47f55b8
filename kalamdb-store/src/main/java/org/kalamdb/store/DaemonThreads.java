package org.kalamdb.store;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** The toolkit's background threads: one daemon thread per job, cancelled tasks dropped at once. */
final class DaemonThreads {

  private DaemonThreads() {}

  /** A scheduler on one daemon thread called {@code name}, which never keeps a JVM alive. */
  static ScheduledExecutorService scheduler(String name) {
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, name);
              thread.setDaemon(true);
              return thread;
            });
    scheduler.setRemoveOnCancelPolicy(true);
    return scheduler;
  }
}

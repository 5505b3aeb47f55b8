package org.kalamdb.junit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The stores, directories and the {@link MemoryWatch} created in one extension context, kept in
 * that context's {@link ExtensionContext.Store} so that JUnit ends them when the context ends,
 * whatever the outcome.
 *
 * <p>It implements both {@link AutoCloseable} (closed by JUnit 5.13 and later, and 6.x) and the
 * {@link ExtensionContext.Store.CloseableResource} that JUnit 5.10 to 5.12 close. JUnit 5.13+
 * closes a value that is both only once, as {@code AutoCloseable} (or, with {@code
 * junit.jupiter.extensions.store.close.autocloseable.enabled=false}, as {@code CloseableResource});
 * {@link #close()} is idempotent anyway.
 */
// Implementing the deprecated CloseableResource is what makes JUnit 5.10-5.12 close the stores;
// it is deprecated since 5.13 but still present (and honoured) in 6.x.
@SuppressWarnings("deprecation")
final class StoreRegistry implements AutoCloseable, ExtensionContext.Store.CloseableResource {
  private final ExtensionContext context;
  private final List<TestResource> all = new ArrayList<>();
  private final List<TestResource> scoped = new ArrayList<>();
  private final Map<Thread, List<TestResource>> pending = new HashMap<>();
  private final Map<Object, List<TestResource>> byInstance = new IdentityHashMap<>();
  private MemoryWatch memoryWatch;
  private String refusal;
  private boolean closed;

  StoreRegistry(ExtensionContext context) {
    this.context = context;
  }

  /** A store or directory whose scope is this context: a field, or a parameter of a method. */
  synchronized void addScoped(TestResource resource) {
    all.add(resource);
    scoped.add(resource);
  }

  /** One for a constructor parameter; bound to its instance by {@link #bindPending}. */
  synchronized void addPending(TestResource resource) {
    all.add(resource);
    pending.computeIfAbsent(Thread.currentThread(), t -> new ArrayList<>()).add(resource);
  }

  /**
   * The {@link MemoryWatch} of this context, created by {@code create} on first use: one per
   * context, so a test method and its {@code @BeforeEach} methods share it.
   */
  synchronized MemoryWatch memoryWatch(Supplier<MemoryWatch> create) {
    if (memoryWatch == null) {
      memoryWatch = create.get();
      if (refusal != null) {
        memoryWatch.refuseNewDatabases(refusal);
      }
    }
    return memoryWatch;
  }

  /**
   * From now on the memory watch of this context, existing or created later, refuses new databases,
   * for {@code reason}: no budget check would judge them.
   */
  synchronized void refuseNewDatabases(String reason) {
    refusal = reason;
    if (memoryWatch != null) {
      memoryWatch.refuseNewDatabases(reason);
    }
  }

  /** The {@link MemoryWatch} of this context, if one was created. */
  synchronized Optional<MemoryWatch> existingMemoryWatch() {
    return Optional.ofNullable(memoryWatch);
  }

  /**
   * Binds the constructor stores this thread created to the instance it just constructed: JUnit
   * resolves constructor parameters and post-processes the new instance on the same thread.
   */
  synchronized void bindPending(Object instance) {
    List<TestResource> stores = pending.remove(Thread.currentThread());
    if (stores != null) {
      byInstance.computeIfAbsent(instance, i -> new ArrayList<>()).addAll(stores);
    }
  }

  synchronized List<TestResource> scoped() {
    return List.copyOf(scoped);
  }

  synchronized List<TestResource> ofInstance(Object instance) {
    return List.copyOf(byInstance.getOrDefault(instance, List.of()));
  }

  /** Forgets an instance's stores and directories and returns them, to end with the instance. */
  synchronized List<TestResource> release(Object instance) {
    List<TestResource> stores = byInstance.remove(instance);
    if (stores == null) {
      return List.of();
    }
    all.removeAll(stores);
    return stores;
  }

  /**
   * Stops the memory watch, then closes every store and directory, newest first, even when some
   * fail; throws the first failure with the others suppressed. A failure of this context counts as
   * a failed test for {@code on_success}.
   */
  @Override
  public void close() {
    List<TestResource> toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = new ArrayList<>(all);
      Collections.reverse(toClose);
      // The watch goes first: its samplers stop before any directory under a database goes away.
      if (memoryWatch != null) {
        toClose.add(0, memoryWatch::stop);
      }
      all.clear();
      scoped.clear();
      pending.clear();
      byInstance.clear();
    }
    boolean failed = context.getExecutionException().isPresent();
    closeAll(toClose, failed);
  }

  /** Ends the resources in the given order, marking them failed first if asked to. */
  static void closeAll(List<? extends TestResource> stores, boolean failed) {
    List<RuntimeException> failures = new ArrayList<>();
    for (TestResource store : stores) {
      if (failed) {
        store.markFailed();
      }
      try {
        store.close();
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    Failures.throwIfAny(failures);
  }
}

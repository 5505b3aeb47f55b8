package org.kalamdb.junit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The stores created in one extension context, kept in that context's {@link
 * ExtensionContext.Store} so that JUnit closes them when the context ends, whatever the outcome.
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
  private final List<ManagedStore> all = new ArrayList<>();
  private final List<ManagedStore> scoped = new ArrayList<>();
  private final Map<Thread, List<ManagedStore>> pending = new HashMap<>();
  private final Map<Object, List<ManagedStore>> byInstance = new IdentityHashMap<>();
  private boolean closed;

  StoreRegistry(ExtensionContext context) {
    this.context = context;
  }

  /** A store whose scope is this context: a field, or a parameter of a method. */
  synchronized void addScoped(ManagedStore store) {
    all.add(store);
    scoped.add(store);
  }

  /** A store for a constructor parameter; bound to its instance by {@link #bindPending}. */
  synchronized void addPending(ManagedStore store) {
    all.add(store);
    pending.computeIfAbsent(Thread.currentThread(), t -> new ArrayList<>()).add(store);
  }

  /**
   * Binds the constructor stores this thread created to the instance it just constructed: JUnit
   * resolves constructor parameters and post-processes the new instance on the same thread.
   */
  synchronized void bindPending(Object instance) {
    List<ManagedStore> stores = pending.remove(Thread.currentThread());
    if (stores != null) {
      byInstance.computeIfAbsent(instance, i -> new ArrayList<>()).addAll(stores);
    }
  }

  synchronized List<ManagedStore> scoped() {
    return List.copyOf(scoped);
  }

  synchronized List<ManagedStore> ofInstance(Object instance) {
    return List.copyOf(byInstance.getOrDefault(instance, List.of()));
  }

  /** Forgets an instance's stores and returns them, for closing with the instance. */
  synchronized List<ManagedStore> release(Object instance) {
    List<ManagedStore> stores = byInstance.remove(instance);
    if (stores == null) {
      return List.of();
    }
    all.removeAll(stores);
    return stores;
  }

  /**
   * Closes every store, newest first, even when some fail; throws the first failure with the others
   * suppressed. A failure of this context counts as a failed test for {@code on_success}.
   */
  @Override
  public void close() {
    List<ManagedStore> toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = new ArrayList<>(all);
      all.clear();
      scoped.clear();
      pending.clear();
      byInstance.clear();
    }
    boolean failed = context.getExecutionException().isPresent();
    Collections.reverse(toClose);
    closeAll(toClose, failed);
  }

  /** Closes the stores in the given order, marking them failed first if asked to. */
  static void closeAll(List<ManagedStore> stores, boolean failed) {
    List<RuntimeException> failures = new ArrayList<>();
    for (ManagedStore store : stores) {
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

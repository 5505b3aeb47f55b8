package org.kalamdb.junit;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.jupiter.api.extension.TestInstancePreDestroyCallback;
import org.junit.jupiter.api.extension.TestInstances;
import org.junit.jupiter.api.extension.TestWatcher;
import org.kalamdb.store.KalamStore;
import org.opentest4j.AssertionFailedError;

/**
 * The extension behind {@link KalamStoreTest}, {@link TempStore} and {@link MemoryWatch}: creates
 * temporary {@link KalamStore}s and empty directories, injects them into fields and parameters,
 * resolves {@code MemoryWatch} parameters, checks the peak memory of each store and watched
 * database against its budget right after every test method (before {@code @AfterEach}), and closes
 * and deletes stores and directories when their scope ends. Every store and watched database is
 * also in the JVM-wide registry ({@code JvmStores}) while it lives: the JVM-wide budget ({@code
 * kalamdb.store.jvm-budget-mb}) judges their sum at the same check, and the memory report ({@code
 * target/kalamdb-reports/kalamdb-memory.json}) is written when the engine finishes.
 *
 * <p>The contract (scopes, precedence, cleanup, failure message, configuration parameters) is
 * documented on {@link TempStore}, {@link KalamStoreTest} and {@link MemoryWatch}.
 *
 * <p>Compatibility: uses only extension API present in JUnit Jupiter 5.10 and still present in 6.x.
 * Stores are kept in {@link ExtensionContext.Store}s as values that are both {@link AutoCloseable}
 * and {@code ExtensionContext.Store.CloseableResource}, so every supported version closes them
 * exactly once when their context ends. Constructor stores are tied to their test instance and
 * closed when JUnit destroys the instance ({@link TestInstancePreDestroyCallback}), whichever
 * extension context JUnit uses to construct instances.
 *
 * <p>Thread-safe: one instance serves every test of the classes it is registered for, also under
 * parallel execution; all state lives in the extension contexts' stores.
 */
public final class KalamStoreExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        AfterTestExecutionCallback,
        AfterEachCallback,
        AfterAllCallback,
        ParameterResolver,
        TestInstancePostProcessor,
        TestInstancePreDestroyCallback,
        TestWatcher {

  private static final String REGISTRY = "registry";

  /** Guards creating a context's registry; contexts may be reached from several threads. */
  private final Object registryLock = new Object();

  /** Created by JUnit through {@link KalamStoreTest} or {@code @ExtendWith}. */
  public KalamStoreExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    RunParameters parameters = RunSettings.of(context);
    RunMemory.of(context, parameters);
    StoreRegistry registry = registry(context);
    for (Field field : TempStoreFields.staticFields(context.getRequiredTestClass())) {
      inject(field, null, context, parameters, registry);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    RunParameters parameters = RunSettings.of(context);
    // Resetting takes a fresh sample of every store the test can see, which the run's round at
    // the test's start then reads: what came before the test is not blamed on it.
    for (ManagedStore store : visibleStores(context)) {
      store.resetPeak();
    }
    for (MemoryWatch watch : visibleWatches(context)) {
      watch.resetPeaks();
    }
    RunMemory.of(context, parameters).testStarted(context);
    TempStoreFields.requireStaticFieldsSet(context);
    StoreRegistry registry = registry(context);
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      for (Field field : TempStoreFields.instanceFields(instance.getClass())) {
        inject(field, instance, context, parameters, registry);
      }
    }
  }

  /**
   * The budget check, right after the test method and before {@code @AfterEach}: what the test
   * itself did is judged, on the peak seen up to now, and clean-up code cannot change the verdict.
   */
  @Override
  public void afterTestExecution(ExtensionContext context) {
    RunParameters parameters = RunSettings.of(context);
    // Databases watched from now on (in @AfterEach) would never be checked: refuse them.
    registry(context)
        .refuseNewDatabases(
            "the budget check of this test ran right after the test method; watch databases in"
                + " the test method or in @BeforeEach");
    List<ManagedStore> stores = visibleStores(context);
    List<MemoryWatch> watches = visibleWatches(context);
    TestVerdict verdict = TestVerdict.take(stores, watches);
    verdict.publish(context, parameters.reportToStdout());
    List<String> failures = new ArrayList<>(verdict.budgetFailures());
    // Every store just took a last sample (TestVerdict.take): the JVM-wide sum is judged on it.
    failures.addAll(RunMemory.of(context, parameters).testChecked(context, verdict.records()));
    failures.addAll(TestVerdict.lastingStalls(stores, watches));
    if (!failures.isEmpty()) {
      throw new AssertionFailedError(String.join("\n", failures));
    }
  }

  /**
   * Marks what the test could use as failed when anything failed (the test, the check or an
   * {@code @AfterEach} method), for the {@code on_success} cleanup mode.
   */
  @Override
  public void afterEach(ExtensionContext context) {
    // A test whose budget check never ran (a @BeforeEach failed) stops running here.
    RunMemory.existing(context).ifPresent(run -> run.testEnded(context));
    if (context.getExecutionException().isPresent()) {
      visibleResources(context).forEach(TestResource::markFailed);
    }
  }

  @Override
  public void testSuccessful(ExtensionContext context) {
    RunMemory.existing(context).ifPresent(run -> run.testFinished(context, "passed", null));
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    RunMemory.existing(context).ifPresent(run -> run.testFinished(context, "failed", cause));
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    RunMemory.existing(context).ifPresent(run -> run.testFinished(context, "aborted", cause));
  }

  /** No test follows: a class-level watch takes no more databases (none would be checked). */
  @Override
  public void afterAll(ExtensionContext context) {
    existingRegistry(context)
        .ifPresent(
            registry ->
                registry.refuseNewDatabases(
                    "every test of the class has run, so no budget check is left to judge it"));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext context) {
    Class<?> type = parameterContext.getParameter().getType();
    if (parameterContext.isAnnotated(TempStore.class)) {
      if (type == KalamStore.class || type == Path.class) {
        return true;
      }
      throw new ExtensionConfigurationException(
          "@TempStore is on "
              + StoreDeclaration.of(parameterContext.getParameter(), parameterContext.getIndex())
                  .description()
              + " of type "
              + type.getName()
              + "; a @TempStore parameter must be of type "
              + InjectedResource.ALLOWED_TYPES);
    }
    return type == KalamStore.class || type == MemoryWatch.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
    StoreDeclaration declaration =
        StoreDeclaration.of(parameterContext.getParameter(), parameterContext.getIndex());
    boolean constructor = parameterContext.getDeclaringExecutable() instanceof Constructor;
    RunParameters parameters = RunSettings.of(context);
    StoreRegistry registry = registry(context);
    Class<?> type = parameterContext.getParameter().getType();
    if (type == MemoryWatch.class) {
      if (constructor) {
        throw new ExtensionConfigurationException(
            "MemoryWatch is "
                + declaration.description()
                + "; a MemoryWatch belongs to a test: declare it as a parameter of the test"
                + " method or of a @BeforeEach, @BeforeAll or @AfterEach method");
      }
      return registry.memoryWatch(
          () ->
              new MemoryWatch(
                  SettingsResolver.resolve(declaration, context, parameters),
                  RunMemory.owner(context)));
    }
    InjectedResource injected = InjectedResource.open(declaration, type, context, parameters);
    if (constructor) {
      registry.addPending(injected.resource());
    } else {
      registry.addScoped(injected.resource());
    }
    return injected.value();
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
    existingRegistry(context).ifPresent(registry -> registry.bindPending(testInstance));
  }

  @Override
  public void preDestroyTestInstance(ExtensionContext context) {
    boolean failed = context.getExecutionException().isPresent();
    List<TestResource> stores = new ArrayList<>();
    TestInstancePreDestroyCallback.preDestroyTestInstances(
        context,
        instance -> {
          for (ExtensionContext c : lineage(context)) {
            existingRegistry(c).ifPresent(registry -> stores.addAll(registry.release(instance)));
          }
        });
    StoreRegistry.closeAll(stores, failed);
  }

  private static void inject(
      Field field,
      Object target,
      ExtensionContext context,
      RunParameters parameters,
      StoreRegistry registry) {
    StoreDeclaration declaration = StoreDeclaration.of(field);
    TempStoreFields.requireInjectable(field, declaration);
    InjectedResource injected =
        InjectedResource.open(declaration, field.getType(), context, parameters);
    registry.addScoped(injected.resource());
    TempStoreFields.set(field, target, declaration, injected.value());
  }

  /**
   * The stores and directories a test can use: those of its own context and of every enclosing
   * context (class, enclosing classes), plus those of its test instances' constructors.
   */
  private List<TestResource> visibleResources(ExtensionContext context) {
    List<Object> instances =
        context.getTestInstances().map(TestInstances::getAllInstances).orElse(List.of());
    Set<TestResource> resources = new LinkedHashSet<>();
    for (ExtensionContext c : lineage(context)) {
      existingRegistry(c)
          .ifPresent(
              registry -> {
                resources.addAll(registry.scoped());
                instances.forEach(instance -> resources.addAll(registry.ofInstance(instance)));
              });
    }
    return List.copyOf(resources);
  }

  private List<ManagedStore> visibleStores(ExtensionContext context) {
    return visibleResources(context).stream()
        .filter(ManagedStore.class::isInstance)
        .map(ManagedStore.class::cast)
        .toList();
  }

  /** The memory watches of the test's context and of its enclosing contexts, innermost first. */
  private static List<MemoryWatch> visibleWatches(ExtensionContext context) {
    List<MemoryWatch> watches = new ArrayList<>();
    for (ExtensionContext c : lineage(context)) {
      existingRegistry(c).flatMap(StoreRegistry::existingMemoryWatch).ifPresent(watches::add);
    }
    return watches;
  }

  private static List<ExtensionContext> lineage(ExtensionContext context) {
    List<ExtensionContext> contexts = new ArrayList<>();
    for (Optional<ExtensionContext> c = Optional.of(context);
        c.isPresent();
        c = c.get().getParent()) {
      contexts.add(c.get());
    }
    return contexts;
  }

  /**
   * The registry of exactly this context. The namespace carries the context's id because store
   * look-ups fall back to the parent contexts, and each context must own its stores.
   */
  private static ExtensionContext.Store ownStore(ExtensionContext context) {
    return context.getStore(Namespace.create(KalamStoreExtension.class, context.getUniqueId()));
  }

  private static Optional<StoreRegistry> existingRegistry(ExtensionContext context) {
    return Optional.ofNullable(ownStore(context).get(REGISTRY, StoreRegistry.class));
  }

  private StoreRegistry registry(ExtensionContext context) {
    ExtensionContext.Store store = ownStore(context);
    synchronized (registryLock) {
      StoreRegistry registry = store.get(REGISTRY, StoreRegistry.class);
      if (registry == null) {
        registry = new StoreRegistry(context);
        store.put(REGISTRY, registry);
      }
      return registry;
    }
  }
}

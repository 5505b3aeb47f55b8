package org.kalamdb.junit;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterEachCallback;
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
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.kalamdb.store.KalamStore;
import org.opentest4j.AssertionFailedError;

/**
 * The extension behind {@link KalamStoreTest} and {@link TempStore}: creates temporary {@link
 * KalamStore}s, injects them into fields and parameters, checks each store's peak memory against
 * its budget after every test, and closes and deletes the stores when their scope ends.
 *
 * <p>The contract (scopes, precedence, cleanup, failure message, configuration parameters) is
 * documented on {@link TempStore} and {@link KalamStoreTest}.
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
        AfterEachCallback,
        ParameterResolver,
        TestInstancePostProcessor,
        TestInstancePreDestroyCallback {

  private static final String REGISTRY = "registry";
  private static final String REPORT_PREFIX = "kalamdb.store.";

  /** Guards creating a context's registry; contexts may be reached from several threads. */
  private final Object registryLock = new Object();

  /** Created by JUnit through {@link KalamStoreTest} or {@code @ExtendWith}. */
  public KalamStoreExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    RunParameters parameters = RunParameters.read(context);
    StoreRegistry registry = registry(context);
    for (Field field :
        tempStoreFields(context.getRequiredTestClass(), KalamStoreExtension::isStatic)) {
      inject(field, null, context, parameters, registry);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    for (ManagedStore store : visibleStores(context)) {
      store.resetPeak();
    }
    requireStaticFieldsSet(context);
    RunParameters parameters = RunParameters.read(context);
    StoreRegistry registry = registry(context);
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      for (Field field : tempStoreFields(instance.getClass(), f -> !isStatic(f))) {
        inject(field, instance, context, parameters, registry);
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    boolean reportToStdout = RunParameters.read(context).reportToStdout();
    List<ManagedStore> stores = visibleStores(context);
    List<String> overBudget = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    for (ManagedStore store : stores) {
      BudgetCheck check;
      try {
        check = BudgetCheck.of(store);
      } catch (IllegalStateException closedByTheTest) {
        continue;
      }
      int seen = names.merge(store.name(), 1, Integer::sum);
      String key = REPORT_PREFIX + store.name() + (seen > 1 ? "#" + seen : "");
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put(key + ".peak-bytes", Long.toString(check.peak().total()));
      entry.put(key + ".budget-bytes", Long.toString(check.budgetBytes()));
      context.publishReportEntry(entry);
      if (reportToStdout) {
        // Surefire's XML drops report entries but keeps a test's standard output.
        System.out.println("[kalamdb] " + check.summary());
      }
      if (check.overBudget()) {
        overBudget.add(check.message());
      }
    }
    if (!overBudget.isEmpty() || context.getExecutionException().isPresent()) {
      stores.forEach(ManagedStore::markFailed);
    }
    if (!overBudget.isEmpty()) {
      throw new AssertionFailedError(String.join("\n", overBudget));
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext context) {
    Class<?> type = parameterContext.getParameter().getType();
    if (type == KalamStore.class) {
      return true;
    }
    if (parameterContext.isAnnotated(TempStore.class)) {
      throw new ExtensionConfigurationException(
          "@TempStore is on "
              + StoreDeclaration.of(parameterContext.getParameter(), parameterContext.getIndex())
                  .description()
              + " of type "
              + type.getName()
              + "; a @TempStore parameter must be of type "
              + KalamStore.class.getName());
    }
    return false;
  }

  @Override
  public KalamStore resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
    StoreDeclaration declaration =
        StoreDeclaration.of(parameterContext.getParameter(), parameterContext.getIndex());
    RunParameters parameters = RunParameters.read(context);
    ManagedStore store =
        ManagedStore.open(
            declaration, SettingsResolver.resolve(declaration, context, parameters), parameters);
    StoreRegistry registry = registry(context);
    if (parameterContext.getDeclaringExecutable() instanceof Constructor) {
      registry.addPending(store);
    } else {
      registry.addScoped(store);
    }
    return store.store();
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
    existingRegistry(context).ifPresent(registry -> registry.bindPending(testInstance));
  }

  @Override
  public void preDestroyTestInstance(ExtensionContext context) {
    boolean failed = context.getExecutionException().isPresent();
    List<ManagedStore> stores = new ArrayList<>();
    TestInstancePreDestroyCallback.preDestroyTestInstances(
        context,
        instance -> {
          for (ExtensionContext c : lineage(context)) {
            existingRegistry(c).ifPresent(registry -> stores.addAll(registry.release(instance)));
          }
        });
    StoreRegistry.closeAll(stores, failed);
  }

  private void inject(
      Field field,
      Object target,
      ExtensionContext context,
      RunParameters parameters,
      StoreRegistry registry) {
    StoreDeclaration declaration = StoreDeclaration.of(field);
    requireInjectable(field, declaration);
    ManagedStore store =
        ManagedStore.open(
            declaration, SettingsResolver.resolve(declaration, context, parameters), parameters);
    registry.addScoped(store);
    try {
      field.setAccessible(true);
      field.set(target, store.store());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ExtensionConfigurationException(
          "cannot set " + declaration.description() + ": " + e, e);
    }
  }

  private static void requireInjectable(Field field, StoreDeclaration declaration) {
    if (field.getType() != KalamStore.class) {
      throw new ExtensionConfigurationException(
          "@TempStore is on "
              + declaration.description()
              + " of type "
              + field.getType().getName()
              + "; a @TempStore field must be of type "
              + KalamStore.class.getName());
    }
    if (Modifier.isFinal(field.getModifiers())) {
      throw new ExtensionConfigurationException(
          "@TempStore "
              + declaration.description()
              + " is final; remove 'final' so that the extension can set it");
    }
  }

  /**
   * A static {@code @TempStore} field is set before {@code @BeforeAll}, which only happens when the
   * extension is registered on the class; registered on a method only, it would stay null.
   */
  private static void requireStaticFieldsSet(ExtensionContext context) {
    for (Class<?> type : testClassAndEnclosing(context.getRequiredTestClass())) {
      for (Field field : tempStoreFields(type, KalamStoreExtension::isStatic)) {
        field.setAccessible(true);
        Object value;
        try {
          value = field.get(null);
        } catch (IllegalAccessException e) {
          throw new ExtensionConfigurationException("cannot read static field " + field, e);
        }
        if (value == null) {
          throw new ExtensionConfigurationException(
              "static @TempStore "
                  + StoreDeclaration.of(field).description()
                  + " was not set: static stores are created before @BeforeAll, which needs"
                  + " @KalamStoreTest (or @ExtendWith(KalamStoreExtension.class)) on the class,"
                  + " not only on a method; or make the field an instance field");
        }
      }
    }
  }

  private static List<Class<?>> testClassAndEnclosing(Class<?> testClass) {
    List<Class<?>> types = new ArrayList<>();
    for (Class<?> type = testClass;
        type != null;
        type =
            type.isMemberClass() && !Modifier.isStatic(type.getModifiers())
                ? type.getEnclosingClass()
                : null) {
      types.add(type);
    }
    return types;
  }

  private static List<Field> tempStoreFields(Class<?> type, Predicate<Field> filter) {
    return AnnotationSupport.findAnnotatedFields(
        type, TempStore.class, filter, HierarchyTraversalMode.TOP_DOWN);
  }

  private static boolean isStatic(Field field) {
    return Modifier.isStatic(field.getModifiers());
  }

  /**
   * The stores a test can use: those of its own context and of every enclosing context (class,
   * enclosing classes), plus the constructor stores of its test instances.
   */
  private List<ManagedStore> visibleStores(ExtensionContext context) {
    List<Object> instances =
        context.getTestInstances().map(TestInstances::getAllInstances).orElse(List.of());
    Set<ManagedStore> stores = new LinkedHashSet<>();
    for (ExtensionContext c : lineage(context)) {
      existingRegistry(c)
          .ifPresent(
              registry -> {
                stores.addAll(registry.scoped());
                instances.forEach(instance -> stores.addAll(registry.ofInstance(instance)));
              });
    }
    return List.copyOf(stores);
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

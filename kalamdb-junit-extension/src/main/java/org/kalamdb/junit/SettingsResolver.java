package org.kalamdb.junit;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.kalamdb.config.ChoiceNames;
import org.kalamdb.config.Dialect;
import org.kalamdb.config.RocksDbConfig;
import org.kalamdb.store.Storage;

/**
 * Applies the precedence of the settings: {@code @TempStore} > {@code @KalamStoreTest} on the test
 * method > on the test class > on its enclosing classes > configuration parameters > class path
 * {@code config.toml} / worst case / no extra column families / the dialect of the file.
 */
final class SettingsResolver {

  /** One place that may set the attributes, in precedence order. */
  private record Level(
      String label,
      String config,
      long memoryBudgetMb,
      String[] columnFamilies,
      String dialect,
      String storage) {}

  private SettingsResolver() {}

  static StoreSettings resolve(
      StoreDeclaration declaration, ExtensionContext context, RunParameters parameters) {
    List<Level> levels = levels(declaration, context);
    for (Level level : levels) {
      if (level.memoryBudgetMb() < -1) {
        throw new ExtensionConfigurationException(
            level.label()
                + " memoryBudgetMb is "
                + level.memoryBudgetMb()
                + " (for "
                + declaration.description()
                + "); use a positive number of MB, or -1 (the default) for not set");
      }
      if (level.memoryBudgetMb() > RocksDbConfig.MAX_SIZE_MB) {
        // Its bytes would not fit the report's 64-bit figures (nor any peak's check).
        throw new ExtensionConfigurationException(
            level.label()
                + " memoryBudgetMb is "
                + level.memoryBudgetMb()
                + " (for "
                + declaration.description()
                + "); a budget is 1 to "
                + RocksDbConfig.MAX_SIZE_MB
                + " MB (2^63 bytes)");
      }
    }
    ResolvedConfig config =
        config(levels, declaration, context, parameters, dialect(levels, declaration, parameters));
    return new StoreSettings(
        config,
        budgetMb(levels, parameters),
        budgetOrigin(levels, parameters),
        columnFamilies(levels),
        storage(levels, declaration, parameters),
        parameters.memoryFilesInBudget());
  }

  /**
   * The first storage set, every one set checked, else the configuration parameter's, else disk.
   */
  private static Storage storage(
      List<Level> levels, StoreDeclaration declaration, RunParameters parameters) {
    Optional<Storage> first = Optional.empty();
    for (Level level : levels) {
      if (!level.storage().isBlank()) {
        Storage parsed =
            storage(
                level.storage(),
                level.label() + " storage (for " + declaration.description() + ")");
        first = first.isPresent() ? first : Optional.of(parsed);
      }
    }
    return first.or(parameters::storage).orElse(Storage.DISK);
  }

  /**
   * The storage {@code value} names ({@code disk} or {@code memory}, case-insensitive); {@code
   * setting} names where it was set, for the error.
   *
   * @throws ExtensionConfigurationException naming the setting, the value and the valid values
   */
  static Storage storage(String value, String setting) {
    return Storage.byId(value)
        .orElseThrow(
            () ->
                new ExtensionConfigurationException(
                    setting
                        + " has the invalid value '"
                        + value
                        + "'; valid values "
                        + ChoiceNames.RULE
                        + ": "
                        + Storage.knownIds()));
  }

  /**
   * The dialect {@code value} names; {@code setting} names where it was set, for the error.
   *
   * @throws ExtensionConfigurationException naming the setting and the known dialects
   */
  static Dialect dialect(String value, String setting) {
    try {
      return Dialect.parse(value.strip());
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(setting + ": " + e.getMessage(), e);
    }
  }

  /** The first dialect set, every one set checked (a bad value is a mistake even if shadowed). */
  private static Optional<Dialect> dialect(
      List<Level> levels, StoreDeclaration declaration, RunParameters parameters) {
    Optional<Dialect> first = Optional.empty();
    for (Level level : levels) {
      if (!level.dialect().isBlank()) {
        Dialect parsed =
            dialect(
                level.dialect(),
                level.label() + " dialect (for " + declaration.description() + ")");
        first = first.isPresent() ? first : Optional.of(parsed);
      }
    }
    return first.isPresent() ? first : parameters.dialect();
  }

  private static List<Level> levels(StoreDeclaration declaration, ExtensionContext context) {
    List<Level> levels = new ArrayList<>();
    declaration
        .annotation()
        .ifPresent(
            a ->
                levels.add(
                    new Level(
                        "@TempStore",
                        a.config(),
                        a.memoryBudgetMb(),
                        a.columnFamilies(),
                        a.dialect(),
                        a.storage())));
    Optional<Method> method = context.getTestMethod();
    method
        .flatMap(m -> AnnotationSupport.findAnnotation(m, KalamStoreTest.class))
        .ifPresent(
            a ->
                levels.add(
                    level(
                        a,
                        "@KalamStoreTest on method "
                            + method.get().getDeclaringClass().getSimpleName()
                            + "."
                            + method.get().getName()
                            + "()")));
    // A @Nested class is an inner class: it sees the settings of the classes that enclose it.
    for (Class<?> type = context.getTestClass().orElse(null);
        type != null;
        type = isInner(type) ? type.getEnclosingClass() : null) {
      Class<?> owner = type;
      AnnotationSupport.findAnnotation(type, KalamStoreTest.class)
          .ifPresent(
              a -> levels.add(level(a, "@KalamStoreTest on class " + owner.getSimpleName())));
    }
    return levels;
  }

  private static Level level(KalamStoreTest a, String label) {
    return new Level(
        label, a.config(), a.memoryBudgetMb(), a.columnFamilies(), a.dialect(), a.storage());
  }

  private static boolean isInner(Class<?> type) {
    return type.isMemberClass() && !Modifier.isStatic(type.getModifiers());
  }

  private static ResolvedConfig config(
      List<Level> levels,
      StoreDeclaration declaration,
      ExtensionContext context,
      RunParameters parameters,
      Optional<Dialect> dialect) {
    ConfigLocator locator = new ConfigLocator(classLoader(context), ClassPathResources.of(context));
    for (Level level : levels) {
      if (!level.config().isBlank()) {
        return locator.load(
            level.config().strip(),
            level.label() + " config, for " + declaration.description(),
            dialect);
      }
    }
    if (parameters.config().isPresent()) {
      return locator.load(
          parameters.config().get(), "configuration parameter " + RunParameters.CONFIG, dialect);
    }
    return locator.loadDefaultResource(dialect);
  }

  private static ClassLoader classLoader(ExtensionContext context) {
    ClassLoader loader = context.getTestClass().map(Class::getClassLoader).orElse(null);
    if (loader == null) {
      loader = Thread.currentThread().getContextClassLoader();
    }
    return loader != null ? loader : ClassLoader.getSystemClassLoader();
  }

  private static OptionalLong budgetMb(List<Level> levels, RunParameters parameters) {
    OptionalLong annotated =
        levels.stream()
            .filter(level -> level.memoryBudgetMb() > 0)
            .mapToLong(Level::memoryBudgetMb)
            .findFirst();
    return annotated.isPresent() ? annotated : parameters.memoryBudgetMb();
  }

  private static String budgetOrigin(List<Level> levels, RunParameters parameters) {
    return levels.stream()
        .filter(level -> level.memoryBudgetMb() > 0)
        .map(level -> level.label() + " memoryBudgetMb")
        .findFirst()
        .orElse(
            parameters.memoryBudgetMb().isPresent()
                ? "configuration parameter " + RunParameters.MEMORY_BUDGET_MB
                : "worst case of the config");
  }

  /**
   * The first list set, else none; a server-dialect store adds the six column families the server
   * opens itself ({@link org.kalamdb.store.KalamStore#open}).
   */
  private static List<String> columnFamilies(List<Level> levels) {
    return levels.stream()
        .filter(level -> level.columnFamilies().length > 0)
        .map(level -> Arrays.asList(level.columnFamilies()))
        .findFirst()
        .orElse(List.of());
  }
}

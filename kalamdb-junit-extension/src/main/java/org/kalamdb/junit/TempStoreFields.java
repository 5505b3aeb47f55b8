package org.kalamdb.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.kalamdb.store.KalamStore;

/**
 * The {@code @TempStore} fields of test classes: found (static ones are set before
 * {@code @BeforeAll}, instance ones before {@code @BeforeEach}), checked before anything is created
 * for them, and set.
 */
final class TempStoreFields {

  private TempStoreFields() {}

  /** The static {@code @TempStore} fields of {@code type} and its superclasses, top down. */
  static List<Field> staticFields(Class<?> type) {
    return find(type, TempStoreFields::isStatic);
  }

  /** The instance {@code @TempStore} fields of {@code type} and its superclasses, top down. */
  static List<Field> instanceFields(Class<?> type) {
    return find(type, field -> !isStatic(field));
  }

  /** Refuses a field of another type than a store or directory, and a final one. */
  static void requireInjectable(Field field, StoreDeclaration declaration) {
    if (field.getType() != KalamStore.class && field.getType() != Path.class) {
      throw new ExtensionConfigurationException(
          "@TempStore is on "
              + declaration.description()
              + " of type "
              + field.getType().getName()
              + "; a @TempStore field must be of type "
              + InjectedResource.ALLOWED_TYPES);
    }
    if (Modifier.isFinal(field.getModifiers())) {
      throw new ExtensionConfigurationException(
          "@TempStore "
              + declaration.description()
              + " is final; remove 'final' so that the extension can set it");
    }
  }

  /** Sets {@code field} of {@code target} ({@code null} for a static field) to {@code value}. */
  static void set(Field field, Object target, StoreDeclaration declaration, Object value) {
    try {
      field.setAccessible(true);
      field.set(target, value);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ExtensionConfigurationException(
          "cannot set " + declaration.description() + ": " + e, e);
    }
  }

  /**
   * A static {@code @TempStore} field is set before {@code @BeforeAll}, which only happens when the
   * extension is registered on the class; registered on a method only, it would stay null.
   */
  static void requireStaticFieldsSet(ExtensionContext context) {
    for (Class<?> type : testClassAndEnclosing(context.getRequiredTestClass())) {
      for (Field field : staticFields(type)) {
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

  private static List<Field> find(Class<?> type, Predicate<Field> filter) {
    return AnnotationSupport.findAnnotatedFields(
        type, TempStore.class, filter, HierarchyTraversalMode.TOP_DOWN);
  }

  private static boolean isStatic(Field field) {
    return Modifier.isStatic(field.getModifiers());
  }
}

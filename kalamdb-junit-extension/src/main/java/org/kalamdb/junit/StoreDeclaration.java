package org.kalamdb.junit;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.util.Optional;

/**
 * A field or parameter that asks for a store.
 *
 * @param name the field or parameter name, names the store in messages and report entries; a
 *     parameter compiled without {@code javac -parameters} is named {@code method.argN}
 * @param description where it is declared, for messages, e.g. {@code field OrdersTest.orders}
 * @param annotation its {@link TempStore}, if it has one
 */
record StoreDeclaration(String name, String description, Optional<TempStore> annotation) {

  static StoreDeclaration of(Field field) {
    return new StoreDeclaration(
        field.getName(),
        "field " + field.getDeclaringClass().getSimpleName() + "." + field.getName(),
        Optional.ofNullable(field.getAnnotation(TempStore.class)));
  }

  static StoreDeclaration of(Parameter parameter, int index) {
    Executable executable = parameter.getDeclaringExecutable();
    String owner = executable.getDeclaringClass().getSimpleName();
    String where =
        executable instanceof java.lang.reflect.Constructor
            ? "constructor of " + owner
            : "method " + owner + "." + executable.getName() + "()";
    // Without javac -parameters the name is argN: prefix the method so that names stay telling.
    String name =
        parameter.isNamePresent()
            ? parameter.getName()
            : (executable instanceof java.lang.reflect.Constructor ? owner : executable.getName())
                + "."
                + parameter.getName();
    return new StoreDeclaration(
        name,
        "parameter " + index + " ('" + name + "') of " + where,
        Optional.ofNullable(parameter.getAnnotation(TempStore.class)));
  }
}

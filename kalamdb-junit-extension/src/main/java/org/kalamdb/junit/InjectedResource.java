package org.kalamdb.junit;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.kalamdb.store.KalamStore;

/**
 * What a {@code @TempStore} field or parameter, or a plain {@code KalamStore} parameter, receives:
 * the one place where the extension opens stores and creates directories, for fields and parameters
 * alike.
 *
 * @param resource the store or directory, which ends with the scope it is registered in
 * @param value what is injected: the {@link KalamStore}, or the directory's {@link Path}
 */
record InjectedResource(TestResource resource, Object value) {

  /** The types a {@code @TempStore} field or parameter may have, as messages name them. */
  static final String ALLOWED_TYPES = "KalamStore or java.nio.file.Path";

  /**
   * Creates an empty directory when {@code type} is {@link Path}, else opens a store with the
   * settings resolved for {@code declaration}, owned by {@code context}'s test or class.
   */
  static InjectedResource open(
      StoreDeclaration declaration,
      Class<?> type,
      ExtensionContext context,
      RunParameters parameters) {
    if (type == Path.class) {
      ManagedDirectory directory = ManagedDirectory.create(declaration, parameters);
      return new InjectedResource(directory, directory.directory());
    }
    // The run exists before its first store (a constructor parameter may come before @BeforeAll).
    RunMemory.of(context, parameters);
    ManagedStore store =
        ManagedStore.open(
            declaration,
            SettingsResolver.resolve(declaration, context, parameters),
            parameters,
            RunMemory.owner(context));
    return new InjectedResource(store, store.store());
  }
}

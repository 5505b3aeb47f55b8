package org.kalamdb.junit;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * The class path resources of one run (one execution of the engine), each looked up once per class
 * loader: every store of a suite usually names the same config file, and the class loader's search
 * plus turning its URL into a path was most of what resolving a store's settings cost per store.
 * What a file holds is still checked for every store ({@link ConfigFileCache}). Thread safe.
 */
final class ClassPathResources {
  private static final Namespace NAMESPACE = Namespace.create(ClassPathResources.class);

  /**
   * A resource found on the class path.
   *
   * @param url where the class loader found it
   * @param file the file it is, for a {@code file:} URL that is a plain path; else empty
   */
  record Resource(URL url, Optional<Path> file) {}

  private record Key(ClassLoader loader, String name) {}

  private final Map<Key, Optional<Resource>> found = new ConcurrentHashMap<>();

  /** The resources of {@code context}'s run. */
  static ClassPathResources of(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            ClassPathResources.class, k -> new ClassPathResources(), ClassPathResources.class);
  }

  /** The resource {@code name} of {@code loader}, looked up on the first call only. */
  Optional<Resource> find(ClassLoader loader, String name) {
    return found.computeIfAbsent(new Key(loader, name), key -> lookUp(loader, name));
  }

  /** Looks the resource up now (no memory of earlier look-ups). */
  static Optional<Resource> lookUp(ClassLoader loader, String name) {
    URL url = loader.getResource(name);
    if (url == null) {
      return Optional.empty();
    }
    return Optional.of(new Resource(url, fileOf(url)));
  }

  private static Optional<Path> fileOf(URL url) {
    if (!"file".equals(url.getProtocol())) {
      return Optional.empty();
    }
    try {
      return Optional.of(Path.of(url.toURI()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      // Not a plain file path after all: read as a stream.
      return Optional.empty();
    }
  }
}

package org.kalamdb.junit;

/**
 * Something the extension created for a scope and must end with it: a store, a directory, the
 * databases of a {@link MemoryWatch}. Kept by a {@link StoreRegistry}.
 */
interface TestResource {

  /** Notes that a test that could use this resource failed ({@code on_success} keeps it then). */
  default void markFailed() {}

  /**
   * Ends the resource, once however often it is called; throws the first failure, later ones
   * suppressed.
   */
  void close();
}

package org.kalamdb.store;

/**
 * A RocksDB operation of a {@link KalamStore} failed (I/O error, corruption, a refused option...).
 * Unchecked, so callers are not forced to handle what they usually cannot recover from; the cause
 * is the original {@link org.rocksdb.RocksDBException} or {@link java.io.IOException}.
 */
public final class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed, naming the store directory and the column family where known
   * @param cause the exception RocksDB or the file system threw
   */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

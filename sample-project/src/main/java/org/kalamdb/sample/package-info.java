/**
 * The sample project's application code, a template to copy: the same small table store written on
 * {@link org.kalamdb.store.KalamStore} ({@link org.kalamdb.sample.TableStore}) and on a database
 * the application opens itself with {@link org.kalamdb.store.RocksDbOptions} ({@link
 * org.kalamdb.sample.TableRepository}), both tested under a memory budget.
 */
package org.kalamdb.sample;

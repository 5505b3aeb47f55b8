/**
 * Checks of the repository's manual (README.md and docs/): every relative link and anchor resolves.
 * Test code only; it lives in kalamdb-config because that module builds first.
 */
package org.kalamdb.manual;

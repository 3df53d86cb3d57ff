/**
 * The benefit illustration engine: products, basis, mortality, validation and the traditional and
 * ULIP calculations, to the paisa. Immutable, thread-safe, plain Java.
 */
package batch.domain.illustration;

/**
 * Early termination: which running trials of a sweep to stop because they are falling behind.
 * See {@link dev.cairn.core.sweep.stop.Hyperband}.
 */
package dev.cairn.core.sweep.stop;

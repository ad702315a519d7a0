/**
 * Internals of the sweep engine: config reading, numeric routines, the Gaussian process.
 * Not a supported API: these classes are public only so the sibling packages can reach them,
 * and may change in any release. Use {@link dev.cairn.core.sweep} instead.
 */
package dev.cairn.core.sweep.internal;

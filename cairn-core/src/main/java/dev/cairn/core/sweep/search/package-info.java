/**
 * The search methods behind {@link dev.cairn.core.sweep.SweepSearch}: grid, random and
 * Bayesian. Most callers use {@code SweepSearch.of(config)}; construct these directly only to
 * change a knob such as {@link dev.cairn.core.sweep.search.GridSearch}'s crash retries.
 */
package dev.cairn.core.sweep.search;

/**
 * The parts of a parsed sweep config: parameters and their distributions, the metric, the
 * method and the early-termination settings. Values only; reading happens in
 * {@link dev.cairn.core.sweep.SweepConfig#parse}.
 */
package dev.cairn.core.sweep.config;

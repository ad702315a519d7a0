package dev.cairn.core.sweep;

import dev.cairn.core.sweep.config.HyperbandConfig;
import dev.cairn.core.sweep.config.Metric;
import dev.cairn.core.sweep.config.Parameter;
import dev.cairn.core.sweep.config.SearchMethod;
import dev.cairn.core.sweep.internal.ConfigReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A validated sweep definition in W&amp;B's format, so existing sweep files run unchanged.
 *
 * <pre>{@code
 * SweepConfig config = SweepConfig.parse("""
 *     program: train.py
 *     method: bayes
 *     metric: {name: val_loss, goal: minimize}
 *     parameters:
 *       lr: {distribution: log_uniform_values, min: 0.0001, max: 0.1}
 *       optimizer: {values: [adam, sgd]}
 *     """);
 * config.method();        // BAYES
 * config.parameters();    // leaves in file order: lr, optimizer
 * }</pre>
 *
 * @param name           display name, or null
 * @param description    free text, or null
 * @param program        the training script {@code ${program}} expands to, or null for sweeps
 *                       that agents run as a function
 * @param command        the command template; W&amp;B's default
 *                       {@code [${env}, ${interpreter}, ${program}, ${args}]} when the file has none
 * @param method         how points are chosen
 * @param metric         what is optimised; required by bayes and early termination
 * @param parameters     every leaf of the parameters block, in file order
 * @param earlyTerminate hyperband settings, if early termination is on
 * @param runCap         most trials the sweep may start, if capped
 */
public record SweepConfig(String name, String description, String program, List<String> command,
                          SearchMethod method, Optional<Metric> metric, List<Parameter> parameters,
                          Optional<HyperbandConfig> earlyTerminate, OptionalInt runCap) {

    /** The command W&amp;B uses when a sweep file has no {@code command}. */
    public static final List<String> DEFAULT_COMMAND =
            List.of("${env}", "${interpreter}", "${program}", "${args}");

    public SweepConfig {
        command = List.copyOf(command);
        parameters = List.copyOf(parameters);
    }

    /**
     * Reads a sweep file's text, YAML or JSON.
     *
     * @throws SweepConfigException listing every problem, or the line and column of a syntax error
     */
    public static SweepConfig parse(String text) {
        return ConfigReader.fromText(text);
    }

    /**
     * Reads a sweep definition already decoded into maps and lists, as SDKs send it.
     *
     * @throws SweepConfigException listing every problem
     */
    public static SweepConfig fromMap(Map<String, ?> config) {
        return ConfigReader.fromMap(config);
    }
}

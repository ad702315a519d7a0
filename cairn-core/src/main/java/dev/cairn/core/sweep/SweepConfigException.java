package dev.cairn.core.sweep;

import java.util.List;

/**
 * A sweep file that cannot run, with every problem found, each as {@code path: message}.
 *
 * <pre>{@code
 * try {
 *     SweepConfig.parse(yaml);
 * } catch (SweepConfigException e) {
 *     e.errors();   // ["method: missing; one of grid, random, bayes",
 *                   //  "parameters.lr.distribution: 'log-uniform' is not a distribution; did you mean 'log_uniform'?"]
 * }
 * }</pre>
 */
public final class SweepConfigException extends IllegalArgumentException {

    private final List<String> errors;

    public SweepConfigException(List<String> errors) {
        super(message(errors));
        this.errors = List.copyOf(errors);
    }

    /** One {@code path: message} line per problem, in the order the file was read. */
    public List<String> errors() {
        return errors;
    }

    private static String message(List<String> errors) {
        String noun = errors.size() == 1 ? "problem" : "problems";
        return "sweep config has " + errors.size() + " " + noun + ":\n  " + String.join("\n  ", errors);
    }
}

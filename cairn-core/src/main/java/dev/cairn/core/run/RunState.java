package dev.cairn.core.run;

import java.util.Locale;

/**
 * The life of a run: it starts {@code running} and ends in exactly one terminal state.
 * A {@code crashed} run (heartbeats stopped) is the one terminal state a run can leave again,
 * by resuming or by sending a heartbeat.
 *
 * <pre>{@code
 * RunState s = RunState.parse("finished");
 * assert s.isTerminal();
 * }</pre>
 */
public enum RunState {
    RUNNING, FINISHED, FAILED, CRASHED, KILLED;

    /** The lower-case name used on the wire and in the store. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isTerminal() {
        return this != RUNNING;
    }

    /** Parses a wire name; throws {@link IllegalArgumentException} naming the allowed values. */
    public static RunState parse(String wireName) {
        for (RunState state : values()) {
            if (state.wireName().equals(wireName)) {
                return state;
            }
        }
        throw new IllegalArgumentException("'" + wireName
                + "' is not a run state; one of running, finished, failed, crashed, killed");
    }
}

package dev.cairn.server.sweep;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where a sweep is in its life (docs/api.md, "The sweep object"), and which user actions move it.
 *
 * <pre>{@code
 * SweepState.RUNNING.canPause();     // true
 * SweepState.FINISHED.canStop();     // false: a 409 for the user
 * }</pre>
 */
public enum SweepState {
    /** Hands out trials. */
    RUNNING,
    /** Hands out none; running runs go on. */
    PAUSED,
    /** No points left: grid exhausted, run_cap reached or metric target met. */
    FINISHED,
    /** No new trials; running runs finish. */
    STOPPED,
    /** No new trials; running runs are told to stop. */
    CANCELED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SweepState parse(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown stored sweep state '" + wireName + "'"));
    }

    public boolean canPause() {
        return this == RUNNING;
    }

    public boolean canResume() {
        return this == PAUSED;
    }

    /** Stop and cancel both apply to a sweep that is still live. */
    public boolean canEnd() {
        return this == RUNNING || this == PAUSED;
    }
}

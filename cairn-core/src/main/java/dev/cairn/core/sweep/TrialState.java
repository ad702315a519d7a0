package dev.cairn.core.sweep;

/**
 * Where a trial of a sweep is in its life, as the search sees it.
 *
 * <pre>{@code
 * TrialState.CRASHED.isTerminal();   // true
 * TrialState.RUNNING.isTerminal();   // false
 * }</pre>
 */
public enum TrialState {
    /** Handed out and not yet over; its point counts as taken. */
    RUNNING,
    /** Ended normally; its metric (if logged) is a real observation. */
    FINISHED,
    /** The program exited with an error: the point is considered bad. */
    FAILED,
    /** The machine or agent died under it: the point says nothing, and grid may retry it. */
    CRASHED,
    /** Stopped on purpose (early termination or a user): the point is considered bad. */
    KILLED;

    /** Whether the trial is over and will not report more. */
    public boolean isTerminal() {
        return this != RUNNING;
    }
}

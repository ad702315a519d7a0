package dev.cairn.server.run;

/**
 * Whether a sweep wants one of its running runs to end. {@link RunService} asks on every heartbeat of a sweep
 * run and answers {@code "stop":true} when it says so; the sweep package provides it, so runs need not know
 * about sweeps.
 *
 * <pre>{@code
 * services.runs().useStopSignal((project, sweepId, runId) -> sweeps.shouldStop(project, sweepId, runId));
 * }</pre>
 */
@FunctionalInterface
public interface StopSignal {
    /** Never stops anything: the signal until a sweep service is wired. */
    StopSignal NEVER = (project, sweepId, runId) -> false;

    /** Called outside any transaction; reads what it needs itself. */
    boolean shouldStop(Project project, String sweepId, String runId);
}

package dev.cairn.cli.agent;

/**
 * How one trial ended, as the agent reported it.
 *
 * @param runId    the trial's run
 * @param state    {@code finished}, {@code failed} or {@code killed}
 * @param exitCode the child's exit status; null when it could not be started
 */
public record TrialResult(String runId, String state, Integer exitCode) {

    /**
     * The state a trial's run ends in: {@code killed} when the agent stopped it (whatever the exit code),
     * {@code finished} on exit code 0, {@code failed} otherwise.
     */
    public static String stateFor(int exitCode, boolean wasStopped) {
        if (wasStopped) {
            return "killed";
        }
        return exitCode == 0 ? "finished" : "failed";
    }
}

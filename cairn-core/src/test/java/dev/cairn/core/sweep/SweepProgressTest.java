package dev.cairn.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SweepProgressTest {

    private static final SweepConfig MAXIMISE = SweepConfig.parse("""
            method: random
            run_cap: 3
            metric: {name: acc, goal: maximize, target: 0.95}
            parameters: {x: {min: 0.0, max: 1.0}}
            """);

    @Test
    void run_cap_counts_trials_in_every_state() {
        List<Trial> two = List.of(Trial.of(Map.of("x", 0.1), TrialState.CRASHED), Trial.running(Map.of("x", 0.2)));
        assertThat(SweepProgress.isDone(MAXIMISE, two)).isFalse();
        List<Trial> three = List.of(two.get(0), two.get(1), Trial.of(Map.of("x", 0.3), TrialState.FAILED));
        assertThat(SweepProgress.hasReachedRunCap(MAXIMISE, three)).isTrue();
    }

    @Test
    void target_respects_the_goal_and_ends_the_sweep() {
        assertThat(SweepProgress.hasReachedTarget(MAXIMISE, List.of(Trial.finished(Map.of("x", 0.5), 0.94)))).isFalse();
        List<Trial> reached = List.of(Trial.finished(Map.of("x", 0.5), 0.95));
        assertThat(SweepProgress.hasReachedTarget(MAXIMISE, reached)).isTrue();
        assertThat(SweepSearch.of(MAXIMISE).next(reached, new Random(1))).isEmpty();

        SweepConfig minimise = SweepConfig.parse("method: random\nmetric: {name: loss, target: 0.1}\nparameters: {x: {value: 1}}");
        assertThat(SweepProgress.hasReachedTarget(minimise, List.of(Trial.finished(Map.of("x", 1), 0.2)))).isFalse();
        assertThat(SweepProgress.hasReachedTarget(minimise, List.of(Trial.finished(Map.of("x", 1), 0.05)))).isTrue();
    }

    @Test
    void a_running_trial_that_reports_the_target_ends_the_sweep_too() {
        Trial running = new Trial(Map.of("x", 0.5), TrialState.RUNNING, 0.97);
        assertThat(SweepProgress.isDone(MAXIMISE, List.of(running))).isTrue();
    }

    @Test
    void best_picks_by_goal_and_skips_missing_metrics() {
        List<Trial> trials = List.of(
                Trial.finished(Map.of("x", 0.1), 0.7),
                Trial.finished(Map.of("x", 0.2), Double.NaN),
                Trial.finished(Map.of("x", 0.3), 0.9));
        assertThat(SweepProgress.best(MAXIMISE, trials)).contains(trials.get(2));
    }
}

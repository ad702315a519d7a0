package dev.cairn.core.sweep.stop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.sweep.SweepConfig;
import dev.cairn.core.sweep.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HyperbandTest {

    /*
     * Bands at iterations 2, 4, 8 (min_iter 2, eta 2).
     *   band 2 values: a 4, b 3, c 6, d 4.5, f 8  -> sorted [3, 4, 4.5, 6, 8], index 5/2 = 2 -> 4.5
     *   band 4 values: a 2, b 2.2, c 5            -> sorted [2, 2.2, 5],       index 3/2 = 1 -> 2.2
     */
    private static final List<RunHistory> RUNS = List.of(
            run("a", TrialState.FINISHED, 5, 4, 3, 2, 1, 1, 1, 1),
            run("b", TrialState.RUNNING, 5, 3, 2.5, 2.2),    // at band 4: 2.2, equal to the bar: stays
            run("c", TrialState.RUNNING, 6, 6, 5, 5),        // at band 4: 5 > 2.2: stopped
            run("d", TrialState.RUNNING, 5, 4.5),            // at band 2: 4.5, equal to the bar: stays
            run("e", TrialState.RUNNING, 9),                 // before the first band: never judged
            run("f", TrialState.RUNNING, 7, 8, 3));          // at band 2: 8 > 4.5, but its best (3) is under

    @Test
    void strict_hyperband_stops_runs_worse_than_the_band_quantile_at_the_band() {
        Hyperband hyperband = Hyperband.of(config("minimize", "min_iter: 2, eta: 2, strict: true"));

        assertThat(hyperband.runsToStop(RUNS)).containsExactly("c", "f");
    }

    @Test
    void lenient_hyperband_judges_the_best_value_so_far() {
        Hyperband hyperband = Hyperband.of(config("minimize", "min_iter: 2, eta: 2, strict: false"));

        assertThat(hyperband.runsToStop(RUNS)).containsExactly("c");
    }

    @Test
    void strict_is_the_default_as_in_wandb() {
        Hyperband hyperband = Hyperband.of(config("minimize", "min_iter: 2, eta: 2"));

        assertThat(hyperband.runsToStop(RUNS)).containsExactly("c", "f");
    }

    @Test
    void maximize_goal_flips_the_comparison() {
        List<RunHistory> negated = RUNS.stream()
                .map(r -> new RunHistory(r.runId(), r.state(), r.values().stream().map(v -> -v).toList()))
                .toList();
        Hyperband hyperband = Hyperband.of(config("maximize", "min_iter: 2, eta: 2"));

        assertThat(hyperband.runsToStop(negated)).containsExactly("c", "f");
    }

    @Test
    void finished_runs_set_the_bar_but_are_never_stopped() {
        Hyperband hyperband = Hyperband.of(config("minimize", "min_iter: 1"));   // bar: index 4/3 = 1 -> 2
        List<RunHistory> runs = List.of(
                run("good", TrialState.FINISHED, 1),
                run("fine", TrialState.FINISHED, 2),
                run("bad-but-done", TrialState.FINISHED, 9),
                run("bad", TrialState.RUNNING, 9));

        assertThat(hyperband.runsToStop(runs)).containsExactly("bad");
    }

    @Test
    void missing_values_do_not_count_as_iterations() {
        Hyperband hyperband = Hyperband.of(config("minimize", "min_iter: 2, eta: 2"));
        List<RunHistory> runs = List.of(
                run("a", TrialState.RUNNING, 1, 1),
                run("b", TrialState.RUNNING, 1, 1),
                run("c", TrialState.RUNNING, 9, Double.NaN));   // one iteration so far: not judged

        assertThat(hyperband.runsToStop(runs)).isEmpty();
    }

    @Test
    void max_iter_and_s_count_bands_down_from_max_iter() {
        assertThat(Hyperband.of(config("minimize", "max_iter: 27, s: 2")).bandsUpTo(1000)).containsExactly(3, 9);
        assertThat(Hyperband.of(config("minimize", "max_iter: 81, s: 3")).bandsUpTo(1000)).containsExactly(3, 9, 27);
        assertThat(Hyperband.of(config("minimize", "max_iter: 5, s: 2, eta: 2")).bandsUpTo(1000)).containsExactly(1, 2);
        assertThat(Hyperband.of(config("minimize", "min_iter: 3")).bandsUpTo(100)).containsExactly(3, 9, 27, 81);
    }

    @Test
    void max_iter_bands_stop_a_run_at_the_last_band_it_reached() {
        Hyperband hyperband = Hyperband.of(config("minimize", "max_iter: 9, s: 2, eta: 3"));  // bands 1, 3
        List<RunHistory> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runs.add(run("r" + i, TrialState.RUNNING, 5, 5, i));   // at band 3: 0..5; bar is index 6/3 = 2 -> 2
        }

        assertThat(hyperband.runsToStop(runs)).containsExactly("r3", "r4", "r5");
    }

    @Test
    void a_config_without_early_terminate_is_refused() {
        SweepConfig config = SweepConfig.parse("method: random\nparameters: {x: {values: [1]}}");
        assertThatThrownBy(() -> Hyperband.of(config)).hasMessageContaining("no early_terminate");
    }

    private static SweepConfig config(String goal, String earlyTerminate) {
        return SweepConfig.parse("method: random\nmetric: {name: loss, goal: " + goal + "}\n"
                + "parameters: {x: {values: [1]}}\nearly_terminate: {type: hyperband, " + earlyTerminate + "}");
    }

    private static RunHistory run(String id, TrialState state, double... values) {
        return new RunHistory(id, state, Arrays.stream(values).boxed().toList());
    }
}

package dev.cairn.core.sweep.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.sweep.Fixtures;
import dev.cairn.core.sweep.SweepConfig;
import dev.cairn.core.sweep.SweepSearch;
import dev.cairn.core.sweep.Trial;
import dev.cairn.core.sweep.TrialState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GridSearchTest {

    private static final SweepConfig GRID = SweepConfig.parse("""
            method: grid
            parameters:
              opt: {values: [adam, sgd, rmsprop]}
              layers: {min: 1, max: 2}
              batch: {distribution: q_uniform, min: 32, max: 64, q: 32}
              epochs: {value: 10}
            """);
    private final Random rng = new Random(1);

    @Test
    void grid_sweep_never_repeats_a_point_and_covers_the_whole_product() {
        SweepSearch grid = new GridSearch(GRID);
        List<Trial> trials = new ArrayList<>();
        Optional<Map<String, Object>> next;
        while ((next = grid.next(trials, rng)).isPresent()) {
            trials.add(Trial.running(next.get()));
            assertThat(trials).hasSizeLessThanOrEqualTo(12);
        }

        assertThat(trials).hasSize(12);
        assertThat(trials.stream().map(Trial::params).distinct()).hasSize(12);
        assertThat(trials).allSatisfy(t -> assertThat(t.params()).containsEntry("epochs", 10));
        assertThat(trials.stream().map(t -> t.params().get("batch")).distinct()).containsExactlyInAnyOrder(32, 64);
    }

    @Test
    void grid_order_is_fixed_with_the_first_parameter_slowest() {
        SweepSearch grid = new GridSearch(GRID);
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            trials.add(Trial.running(grid.next(trials, new Random(i)).orElseThrow()));
        }
        assertThat(trials).extracting(Trial::params).containsExactly(
                Map.of("opt", "adam", "layers", 1, "batch", 32, "epochs", 10),
                Map.of("opt", "adam", "layers", 1, "batch", 64, "epochs", 10),
                Map.of("opt", "adam", "layers", 2, "batch", 32, "epochs", 10));
    }

    @Test
    void interleaved_agents_with_mixed_outcomes_still_get_each_point_once() {
        SweepSearch grid = new GridSearch(GRID);
        List<Trial> trials = new ArrayList<>();
        Set<Map<String, Object>> handedOut = new HashSet<>();
        TrialState[] outcomes = {TrialState.FINISHED, TrialState.FAILED, TrialState.KILLED};
        for (int step = 0; step < 12; step++) {
            Map<String, Object> params = grid.next(trials, rng).orElseThrow();
            assertThat(handedOut.add(params)).as("point %s handed out twice", params).isTrue();
            trials.add(Trial.running(params));
            // Every other call, the oldest running trial ends, the way agents report back.
            if (step % 2 == 1) {
                int oldest = indexOfFirstRunning(trials);
                trials.set(oldest, new Trial(trials.get(oldest).params(), outcomes[step % 3], 0.5));
            }
        }
        assertThat(grid.next(trials, rng)).isEmpty();
    }

    @Test
    void a_crashed_point_is_reissued_once_then_not_again() {
        SweepConfig two = SweepConfig.parse("method: grid\nparameters: {x: {values: [1, 2]}}");
        SweepSearch grid = new GridSearch(two);
        List<Trial> trials = new ArrayList<>();
        trials.add(Trial.of(Map.of("x", 1), TrialState.CRASHED));
        trials.add(Trial.finished(Map.of("x", 2), 0.1));

        assertThat(grid.next(trials, rng)).contains(Map.of("x", 1));
        trials.add(Trial.of(Map.of("x", 1), TrialState.CRASHED));
        assertThat(grid.next(trials, rng)).isEmpty();
    }

    @Test
    void a_reissued_crashed_point_that_is_running_is_not_handed_out_again() {
        SweepConfig one = SweepConfig.parse("method: grid\nparameters: {x: {values: [1]}}");
        List<Trial> trials = List.of(Trial.of(Map.of("x", 1), TrialState.CRASHED), Trial.running(Map.of("x", 1)));

        assertThat(new GridSearch(one).next(trials, rng)).isEmpty();
    }

    @Test
    void a_crashed_trial_that_comes_back_after_its_point_was_reissued_is_superseded() {
        SweepConfig two = SweepConfig.parse("method: grid\nparameters: {x: {values: [1, 2]}}");
        GridSearch grid = new GridSearch(two);
        List<Trial> trials = new ArrayList<>();
        trials.add(Trial.running(Map.of("x", 1)));          // crashed, re-issued below, then came back
        trials.add(Trial.finished(Map.of("x", 2), 0.1));
        trials.add(Trial.of(Map.of("x", 1), TrialState.CRASHED)); // the re-issued trial crashed too

        assertThat(grid.superseded(trials).stream().boxed().toList()).containsExactly(0);
        assertThat(grid.next(trials, rng)).as("the comeback still counts as the first crash: retried once only")
                .isEmpty();
        assertThat(grid.superseded(trials.subList(0, 2)).isEmpty()).as("not re-issued yet").isTrue();
    }

    @Test
    void crash_retries_are_configurable() {
        SweepConfig one = SweepConfig.parse("method: grid\nparameters: {x: {values: [1]}}");
        List<Trial> crashedTwice = List.of(Trial.of(Map.of("x", 1), TrialState.CRASHED),
                Trial.of(Map.of("x", 1), TrialState.CRASHED));

        assertThat(new GridSearch(one, 0).next(crashedTwice.subList(0, 1), rng)).isEmpty();
        assertThat(new GridSearch(one, 2).next(crashedTwice, rng)).contains(Map.of("x", 1));
    }

    @Test
    void failed_and_killed_points_are_not_retried() {
        SweepConfig two = SweepConfig.parse("method: grid\nparameters: {x: {values: [1, 2]}}");
        List<Trial> trials = List.of(Trial.of(Map.of("x", 1), TrialState.FAILED), Trial.of(Map.of("x", 2), TrialState.KILLED));

        assertThat(new GridSearch(two).next(trials, rng)).isEmpty();
    }

    @Test
    void numbers_match_by_value_whatever_their_type() {
        SweepConfig config = SweepConfig.parse("method: grid\nparameters: {lr: {values: [1, 0.5]}}");
        List<Trial> trials = List.of(Trial.finished(Map.of("lr", 1.0), 0.2), Trial.finished(Map.of("lr", 0.5f), 0.3));

        assertThat(new GridSearch(config).next(trials, rng)).isEmpty();
    }

    @Test
    void nested_parameters_come_back_as_nested_maps() {
        SweepConfig config = Fixtures.config("nested-grid.json");
        GridSearch grid = new GridSearch(config);

        assertThat(grid.size()).isEqualTo(2 * 2 * 3);
        assertThat(grid.next(List.of(), rng)).contains(Map.of(
                "optimizer", Map.of("name", "adam", "lr", 0.01), "epochs", 10, "layers", 1));
    }

    @Test
    void run_cap_ends_a_grid_early() {
        SweepConfig capped = SweepConfig.parse("method: grid\nrun_cap: 1\nparameters: {x: {values: [1, 2]}}");
        SweepSearch search = SweepSearch.of(capped);

        assertThat(search.next(List.of(), rng)).isPresent();
        assertThat(search.next(List.of(Trial.running(Map.of("x", 1))), rng)).isEmpty();
    }

    private static int indexOfFirstRunning(List<Trial> trials) {
        for (int i = 0; i < trials.size(); i++) {
            if (trials.get(i).state() == TrialState.RUNNING) {
                return i;
            }
        }
        throw new AssertionError("no running trial");
    }
}

package dev.cairn.core.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.sweep.stop.Hyperband;
import dev.cairn.core.sweep.stop.RunHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Uses the engine the way the package documentation shows, so an API break fails here first. */
class SweepApiTest {

    @Test
    void the_documented_loop_runs_a_sweep_to_its_run_cap() {
        SweepConfig config = SweepConfig.parse(Fixtures.text("hyperband-random.yaml"));
        SweepSearch search = SweepSearch.of(config);
        Random rng = new Random(1);

        List<Trial> trials = new ArrayList<>();
        Optional<Map<String, Object>> params;
        while ((params = search.next(trials, rng)).isPresent()) {
            List<String> argv = SweepCommand.expand(config, params.get(),
                    CommandContext.of("python", Map.of(), "/tmp/args.json"));
            assertThat(argv).startsWith("/usr/bin/env", "python", "train.py", "--config", "configs/base.json");
            trials.add(Trial.finished(params.get(), 0.5));
        }
        assertThat(trials).hasSize(50);

        Set<String> stop = Hyperband.of(config).runsToStop(List.of(
                new RunHistory("ahead", TrialState.RUNNING, List.of(0.5, 0.6, 0.7)),
                new RunHistory("behind", TrialState.RUNNING, List.of(0.5, 0.5, 0.3)),
                new RunHistory("done", TrialState.FINISHED, List.of(0.5, 0.6, 0.8))));
        assertThat(stop).containsExactly("behind");
    }

    @Test
    void the_quickstart_sweep_runs_under_bayes() {
        SweepConfig config = Fixtures.config("quickstart.yaml");
        SweepSearch search = SweepSearch.of(config);
        Random rng = new Random(4);
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<String, Object> p = search.next(trials, rng).orElseThrow();
            double lr = (double) p.get("learning_rate");
            trials.add(Trial.finished(p, Math.abs(Math.log10(lr) + 2) + ((int) p.get("epochs")) / 100.0));
        }
        assertThat(trials).allSatisfy(t -> assertThat(t.params()).containsOnlyKeys(
                "learning_rate", "batch_size", "epochs", "optimizer"));
        assertThat(SweepProgress.best(config, trials)).isPresent();
    }
}

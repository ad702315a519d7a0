package dev.cairn.core.sweep.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {

    private static final double[] LENGTHSCALES = {0.3, 0.6, 0.2};

    private static double[][] points(int count, long seed) {
        Random rng = new Random(seed);
        double[][] x = new double[count][3];
        for (double[] point : x) {
            for (int d = 0; d < point.length; d++) {
                point[d] = rng.nextDouble();
            }
        }
        return x;
    }

    private static double[] targets(double[][] x) {
        return Arrays.stream(x).mapToDouble(p -> Math.sin(6 * p[0]) + p[1] * p[2]).toArray();
    }

    @Test
    void a_model_fitted_on_an_earlier_factor_is_the_model_fitted_from_scratch() {
        double[][] x = points(120, 1);
        double[][] first = Arrays.copyOf(x, 100);
        GaussianProcess earlier = GaussianProcess.fit(first, targets(first), LENGTHSCALES, 1e-3);

        GaussianProcess extended = GaussianProcess.fit(x, targets(x), LENGTHSCALES, 1e-3, earlier.factor());
        GaussianProcess fresh = GaussianProcess.fit(x, targets(x), LENGTHSCALES, 1e-3);

        assertThat(extended.factor().lower).containsExactly(fresh.factor().lower);
        assertThat(extended.logLikelihood()).isEqualTo(fresh.logLikelihood());
        double[] probe = {0.2, 0.7, 0.4};
        assertThat(extended.predict(probe)).containsExactly(fresh.predict(probe));
    }

    @Test
    void a_point_changed_in_the_middle_refactors_from_there_and_matches_a_fresh_fit() {
        double[][] x = points(80, 2);
        GaussianProcess earlier = GaussianProcess.fit(x, targets(x), LENGTHSCALES, 1e-3);
        double[][] changed = x.clone();
        changed[40] = new double[] {0.5, 0.5, 0.5};

        GaussianProcess reused = GaussianProcess.fit(changed, targets(changed), LENGTHSCALES, 1e-3, earlier.factor());
        GaussianProcess fresh = GaussianProcess.fit(changed, targets(changed), LENGTHSCALES, 1e-3);

        assertThat(reused.factor().lower).containsExactly(fresh.factor().lower);
    }

    @Test
    void other_hyper_parameters_do_not_reuse_a_factor() {
        double[][] x = points(50, 3);
        GaussianProcess earlier = GaussianProcess.fit(x, targets(x), LENGTHSCALES, 1e-3);

        GaussianProcess other = GaussianProcess.fit(x, targets(x), new double[] {0.1, 0.1, 0.1}, 1e-3, earlier.factor());

        assertThat(other.factor().lower)
                .containsExactly(GaussianProcess.fit(x, targets(x), new double[] {0.1, 0.1, 0.1}, 1e-3).factor().lower);
    }

    @Test
    void duplicate_points_that_need_more_jitter_still_match_a_fresh_fit_when_extended() {
        double[][] x = points(30, 4);
        x[10] = x[3].clone(); // with no noise, a singular matrix until the jitter grows
        double[][] first = Arrays.copyOf(x, 20);
        GaussianProcess earlier = GaussianProcess.fit(first, targets(first), LENGTHSCALES, 0);

        GaussianProcess extended = GaussianProcess.fit(x, targets(x), LENGTHSCALES, 0, earlier.factor());

        assertThat(extended.factor().lower).containsExactly(GaussianProcess.fit(x, targets(x), LENGTHSCALES, 0).factor().lower);
    }

    @Test
    void scoring_many_points_together_predicts_what_scoring_them_one_by_one_does_up_to_rounding() {
        double[][] x = points(150, 5);
        GaussianProcess model = GaussianProcess.fit(x, targets(x), LENGTHSCALES, 1e-3);
        double[][] probes = points(100, 6);

        double[][] together = model.predictAll(probes);

        for (int i = 0; i < probes.length; i++) {
            double[] alone = model.predict(probes[i]);
            assertThat(together[0][i]).isCloseTo(alone[0], org.assertj.core.data.Offset.offset(1e-12));
            assertThat(together[1][i]).isCloseTo(alone[1], org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void the_likelihood_the_trainer_compares_is_the_fitted_models_up_to_rounding() {
        double[][] x = points(64, 7);
        double[] y = targets(x);
        MarginalLikelihood likelihood = new MarginalLikelihood(x, y);

        for (double noise : new double[] {1e-6, 1e-3, 1e-1}) {
            assertThat(likelihood.of(LENGTHSCALES, noise)).isCloseTo(
                    GaussianProcess.fit(x, y, LENGTHSCALES, noise).logLikelihood(), org.assertj.core.data.Offset.offset(1e-6));
        }
    }
}

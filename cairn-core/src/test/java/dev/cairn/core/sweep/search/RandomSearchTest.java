package dev.cairn.core.sweep.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cairn.core.sweep.SweepConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Statistical checks on 20,000 draws with a fixed seed: the results are deterministic, and the
 * tolerances are still 5+ standard errors wide so a change of seed would not break them.
 */
class RandomSearchTest {

    private static final int DRAWS = 20_000;

    @Test
    void uniform_stays_in_bounds_with_the_right_mean() {
        List<Object> xs = draw("{min: 2.0, max: 6.0}");
        assertThat(xs).allSatisfy(x -> assertThat((double) x).isBetween(2.0, 6.0));
        assertThat(mean(xs, Math::abs)).isCloseTo(4.0, within(0.05));   // sd of mean 0.008
    }

    @Test
    void log_uniform_bounds_are_exponents() {
        List<Object> xs = draw("{distribution: log_uniform, min: -4.6, max: 0}");
        assertThat(xs).allSatisfy(x -> assertThat((double) x).isBetween(Math.exp(-4.6), 1.0));
        assertThat(mean(xs, Math::log)).isCloseTo(-2.3, within(0.05));
    }

    @Test
    void log_uniform_values_are_spread_evenly_in_log_space() {
        List<Object> xs = draw("{distribution: log_uniform_values, min: 0.0001, max: 0.1}");
        assertThat(xs).allSatisfy(x -> assertThat((double) x).isBetween(0.0001, 0.1));
        assertThat(mean(xs, Math::log10)).isCloseTo(-2.5, within(0.03));
        assertThat(fraction(xs, x -> x < 0.001)).isCloseTo(1 / 3.0, within(0.02));
    }

    @Test
    void inv_log_uniform_uses_negated_exponents() {
        List<Object> xs = draw("{distribution: inv_log_uniform, min: 0, max: 4.6}");
        assertThat(xs).allSatisfy(x -> assertThat((double) x).isBetween(Math.exp(-4.6), 1.0));
        assertThat(mean(xs, Math::log)).isCloseTo(-2.3, within(0.05));
    }

    @Test
    void int_uniform_includes_both_bounds_evenly() {
        List<Object> xs = draw("{min: 1, max: 4}");
        assertThat(xs).allSatisfy(x -> assertThat(x).isIn(1, 2, 3, 4));
        for (int v = 1; v <= 4; v++) {
            int value = v;
            assertThat(fraction(xs, x -> x == value)).as("share of %d", v).isCloseTo(0.25, within(0.02));
        }
    }

    @Test
    void normal_has_the_given_mean_and_sigma() {
        List<Object> xs = draw("{distribution: normal, mu: 3, sigma: 2}");
        double mean = mean(xs, x -> x);
        double sd = Math.sqrt(mean(xs, x -> (x - 3) * (x - 3)));
        assertThat(mean).isCloseTo(3, within(0.1));
        assertThat(sd).isCloseTo(2, within(0.1));
    }

    @Test
    void log_normal_is_normal_in_the_log() {
        List<Object> xs = draw("{distribution: log_normal, mu: -1, sigma: 0.5}");
        assertThat(xs).allSatisfy(x -> assertThat((double) x).isPositive());
        assertThat(mean(xs, Math::log)).isCloseTo(-1, within(0.03));
    }

    @Test
    void beta_has_mean_a_over_a_plus_b() {
        List<Object> xs = draw("{distribution: beta, a: 2, b: 6}");
        assertThat(xs).allSatisfy(x -> assertThat((double) x).isBetween(0.0, 1.0));
        assertThat(mean(xs, x -> x)).isCloseTo(0.25, within(0.01));
    }

    @Test
    void q_distributions_round_to_multiples_of_q() {
        assertThat(draw(2_000, "{distribution: q_uniform, min: 0, max: 1, q: 0.1}"))
                .allSatisfy(x -> assertThat(x).isIn(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0));
        assertThat(draw(2_000, "{distribution: q_log_uniform_values, min: 16, max: 512, q: 16}"))
                .allSatisfy(x -> assertThat(x).isInstanceOf(Integer.class)
                        .satisfies(v -> assertThat((int) v % 16).isZero()));
        assertThat(draw(2_000, "{distribution: q_normal, mu: 0, sigma: 5, q: 2}"))
                .allSatisfy(x -> assertThat((int) x % 2).isZero());
        assertThat(draw(2_000, "{distribution: q_beta, a: 2, b: 2, q: 0.25}"))
                .allSatisfy(x -> assertThat(x).isIn(0.0, 0.25, 0.5, 0.75, 1.0));
    }

    @Test
    void categorical_follows_its_probabilities() {
        List<Object> xs = draw("{values: [a, b, c], probabilities: [0.6, 0.3, 0.1]}");
        assertThat(fraction(xs, "a")).isCloseTo(0.6, within(0.02));
        assertThat(fraction(xs, "b")).isCloseTo(0.3, within(0.02));
        assertThat(fraction(xs, "c")).isCloseTo(0.1, within(0.015));
    }

    @Test
    void categorical_without_probabilities_is_even() {
        List<Object> xs = draw("{values: [true, false]}");
        assertThat(fraction(xs, true)).isCloseTo(0.5, within(0.02));
    }

    @Test
    void same_seed_gives_the_same_suggestions() {
        SweepConfig config = SweepConfig.parse("method: random\nparameters: {x: {min: 0.0, max: 1.0}, y: {values: [1, 2]}}");
        RandomSearch search = new RandomSearch(config);
        assertThat(search.next(List.of(), new Random(5))).isEqualTo(search.next(List.of(), new Random(5)));
    }

    private static List<Object> draw(String parameter) {
        return draw(DRAWS, parameter);
    }

    private static List<Object> draw(int count, String parameter) {
        SweepConfig config = SweepConfig.parse("method: random\nparameters:\n  x: " + parameter);
        RandomSearch search = new RandomSearch(config);
        Random rng = new Random(42);
        List<Object> xs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> params = search.next(List.of(), rng).orElseThrow();
            xs.add(params.get("x"));
        }
        return xs;
    }

    private static double mean(List<Object> xs, ToDoubleFunction<Double> f) {
        return xs.stream().mapToDouble(x -> f.applyAsDouble(((Number) x).doubleValue())).average().orElseThrow();
    }

    private static double fraction(List<Object> xs, java.util.function.DoublePredicate p) {
        return xs.stream().filter(x -> p.test(((Number) x).doubleValue())).count() / (double) xs.size();
    }

    private static double fraction(List<Object> xs, Object value) {
        return xs.stream().filter(value::equals).count() / (double) xs.size();
    }
}

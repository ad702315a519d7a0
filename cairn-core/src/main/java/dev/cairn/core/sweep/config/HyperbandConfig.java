package dev.cairn.core.sweep.config;

import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Hyperband early termination: {@code early_terminate} in a sweep file. Either {@code min_iter}
 * (bands at min_iter, min_iter*eta, min_iter*eta^2, ...) or {@code max_iter} with {@code s}
 * (bands at max_iter/eta, max_iter/eta^2, ... max_iter/eta^s). The rule that uses the bands is
 * documented on {@link dev.cairn.core.sweep.stop.Hyperband}.
 *
 * <pre>{@code
 * early_terminate:
 *   type: hyperband
 *   min_iter: 3        # bands at iterations 3, 9, 27, 81, ...
 *   eta: 3             # default 3
 *   strict: true       # default true, as in W&amp;B's schema
 * }</pre>
 *
 * @param minIter  the first band, when configured that way
 * @param maxIter  the iteration the bands count down from, when configured that way (wins over
 *                 {@code minIter} when both are given, as in W&amp;B)
 * @param s        how many bands below {@code maxIter}
 * @param eta      the ratio between consecutive bands; greater than 1
 * @param isStrict compare a run's value at the band (true) or its best value so far (false)
 */
public record HyperbandConfig(OptionalInt minIter, OptionalInt maxIter, OptionalInt s,
                              double eta, boolean isStrict) {

    public static final double DEFAULT_ETA = 3.0;

    /**
     * The band iterations, ascending, up to and including {@code lastIteration}. Bands are
     * whole iterations: fractional values are truncated as W&amp;B does ({@code int(band)}).
     */
    public List<Integer> bandsUpTo(int lastIteration) {
        TreeSet<Integer> bands = new TreeSet<>();
        if (maxIter.isPresent()) {
            double band = maxIter.getAsInt();
            for (int i = 0; i < s.orElse(0); i++) {
                band /= eta;
                if (band < 1) {
                    break;
                }
                bands.add((int) band);
            }
        } else if (minIter.isPresent()) {
            // 100 bands as W&B; eta > 1 means the ladder leaves any real history long before.
            double band = minIter.getAsInt();
            for (int i = 0; i < 100 && band <= lastIteration; i++) {
                bands.add((int) band);
                band *= eta;
            }
        }
        return List.copyOf(bands.headSet(lastIteration, true));
    }
}

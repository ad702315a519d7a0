package dev.cairn.core.sweep.internal;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Chooses the Gaussian process's hyper-parameters by marginal likelihood: a small grid of
 * shared lengthscales and noise levels, then two passes that halve or double each dimension's
 * lengthscale while that helps (a cheap automatic relevance determination).
 *
 * <p>The search runs on at most {@link #MAX_FIT_POINTS} evenly spread points, because its
 * ~25-60 Cholesky factorisations dominate the cost; the final model uses every point. A gradient
 * optimiser would find slightly better values, but sweeps are noisy and small, and a grid
 * cannot diverge. A trainer remembers its last answers ({@link #hyperParameters}), so the same
 * data costs one comparison the second time.
 *
 * <pre>{@code
 * GpTrainer trainer = new GpTrainer();
 * GpTrainer.Hyper hyper = trainer.hyperParameters(x, y);
 * GaussianProcess model = GpTrainer.fit(x, y, hyper, null);
 * }</pre>
 */
public final class GpTrainer {

    static final int MAX_FIT_POINTS = 64;
    private static final int REMEMBERED = 4;
    private static final double[] LENGTHSCALES = {0.05, 0.1, 0.2, 0.4, 0.8, 1.6};
    private static final double[] NOISE_VARIANCES = {1e-6, 1e-3, 1e-1};
    private static final double[] REFINE_FACTORS = {0.5, 2.0};

    /** Chosen hyper-parameters: one lengthscale per unit-cube axis, and the noise variance. */
    public record Hyper(double[] lengthscales, double noiseVariance, double logLikelihood) {
    }

    private record Remembered(double[][] x, double[] y, Hyper hyper) {
    }

    private final ArrayDeque<Remembered> remembered = new ArrayDeque<>();

    /** The hyper-parameters for standardised targets {@code y} at unit-cube points {@code x}. */
    public Hyper hyperParameters(double[][] x, double[] y) {
        double[][] fitX = subset(x);
        double[] fitY = subset(y);
        synchronized (remembered) {
            for (Remembered entry : remembered) {
                if (Arrays.equals(entry.y(), fitY) && Arrays.deepEquals(entry.x(), fitX)) {
                    return entry.hyper();
                }
            }
        }
        Hyper hyper = choose(fitX, fitY);
        synchronized (remembered) {
            remembered.addFirst(new Remembered(fitX, fitY, hyper));
            while (remembered.size() > REMEMBERED) {
                remembered.removeLast();
            }
        }
        return hyper;
    }

    /**
     * The model of {@code y} at {@code x} with these hyper-parameters (more noise should the kernel matrix stay
     * singular), keeping the rows of {@code reuse} (may be null) for the leading points it shares with {@code x}.
     */
    public static GaussianProcess fit(double[][] x, double[] y, Hyper hyper, KernelFactor reuse) {
        GaussianProcess model = GaussianProcess.fit(x, y, hyper.lengthscales, hyper.noiseVariance, reuse);
        return model != null ? model : GaussianProcess.fit(x, y, hyper.lengthscales, 0.1, reuse);
    }

    private static Hyper choose(double[][] x, double[] y) {
        int d = x[0].length;
        MarginalLikelihood likelihood = new MarginalLikelihood(x, y);
        Hyper best = null;
        for (double lengthscale : LENGTHSCALES) {
            double[] shared = new double[d];
            Arrays.fill(shared, lengthscale);
            for (double noise : NOISE_VARIANCES) {
                best = better(best, new Hyper(shared, noise, likelihood.of(shared, noise)));
            }
        }
        for (int pass = 0; pass < 2 && d > 1; pass++) {
            for (int dim = 0; dim < d; dim++) {
                for (double factor : REFINE_FACTORS) {
                    double[] scaled = best.lengthscales.clone();
                    scaled[dim] = Math.max(0.01, Math.min(20, scaled[dim] * factor));
                    best = better(best, new Hyper(scaled, best.noiseVariance, likelihood.of(scaled, best.noiseVariance)));
                }
            }
        }
        return best;
    }

    private static Hyper better(Hyper a, Hyper b) {
        return a == null || b.logLikelihood > a.logLikelihood ? b : a;
    }

    private static double[][] subset(double[][] x) {
        if (x.length <= MAX_FIT_POINTS) {
            return x;
        }
        double[][] picked = new double[MAX_FIT_POINTS][];
        for (int i = 0; i < MAX_FIT_POINTS; i++) {
            picked[i] = x[(int) ((long) i * x.length / MAX_FIT_POINTS)];
        }
        return picked;
    }

    private static double[] subset(double[] y) {
        if (y.length <= MAX_FIT_POINTS) {
            return y;
        }
        double[] picked = new double[MAX_FIT_POINTS];
        for (int i = 0; i < MAX_FIT_POINTS; i++) {
            picked[i] = y[(int) ((long) i * y.length / MAX_FIT_POINTS)];
        }
        return picked;
    }
}

package dev.cairn.core.sweep.internal;

import java.util.Arrays;

/**
 * Chooses the Gaussian process's hyper-parameters by marginal likelihood: a small grid of
 * shared lengthscales and noise levels, then two passes that halve or double each dimension's
 * lengthscale while that helps (a cheap automatic relevance determination).
 *
 * <p>The search runs on at most {@link #MAX_FIT_POINTS} evenly spread points, because its
 * ~25 Cholesky factorisations dominate the cost; the final model uses every point. A gradient
 * optimiser would find slightly better values, but sweeps are noisy and small, and a grid
 * cannot diverge.
 */
public final class GpTrainer {

    static final int MAX_FIT_POINTS = 64;
    private static final double[] LENGTHSCALES = {0.05, 0.1, 0.2, 0.4, 0.8, 1.6};
    private static final double[] NOISE_VARIANCES = {1e-6, 1e-3, 1e-1};
    private static final double[] REFINE_FACTORS = {0.5, 2.0};

    private GpTrainer() {
    }

    /** A model of standardised targets {@code y} at unit-cube points {@code x}. */
    public static GaussianProcess train(double[][] x, double[] y) {
        Hyper best = choose(subset(x), subset(y));
        GaussianProcess model = GaussianProcess.fit(x, y, best.lengthscales, best.noiseVariance);
        return model != null ? model : GaussianProcess.fit(x, y, best.lengthscales, 0.1);
    }

    private record Hyper(double[] lengthscales, double noiseVariance, double logLikelihood) {
    }

    private static Hyper choose(double[][] x, double[] y) {
        int d = x[0].length;
        Hyper best = null;
        for (double lengthscale : LENGTHSCALES) {
            double[] shared = new double[d];
            Arrays.fill(shared, lengthscale);
            for (double noise : NOISE_VARIANCES) {
                best = better(best, score(x, y, shared, noise));
            }
        }
        for (int pass = 0; pass < 2 && d > 1; pass++) {
            for (int dim = 0; dim < d; dim++) {
                for (double factor : REFINE_FACTORS) {
                    double[] scaled = best.lengthscales.clone();
                    scaled[dim] = Math.max(0.01, Math.min(20, scaled[dim] * factor));
                    best = better(best, score(x, y, scaled, best.noiseVariance));
                }
            }
        }
        return best;
    }

    private static Hyper score(double[][] x, double[] y, double[] lengthscales, double noise) {
        GaussianProcess model = GaussianProcess.fit(x, y, lengthscales, noise);
        double logLikelihood = model == null ? Double.NEGATIVE_INFINITY : model.logLikelihood();
        return new Hyper(lengthscales, noise, logLikelihood);
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

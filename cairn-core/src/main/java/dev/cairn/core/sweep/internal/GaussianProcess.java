package dev.cairn.core.sweep.internal;

/**
 * Gaussian-process regression with a Matern 5/2 kernel (one lengthscale per dimension, unit
 * signal variance because targets are standardised) and a white-noise term, solved by
 * Cholesky decomposition. Fixed hyper-parameters: {@link GpTrainer} chooses them.
 *
 * <p>Matern 5/2 rather than RBF: training curves of real models are not infinitely smooth, and
 * RBF's smoothness assumption makes it overconfident between observations.
 */
public final class GaussianProcess {

    private static final double SQRT5 = Math.sqrt(5);
    private static final double JITTER = 1e-8;

    private final double[][] x;
    private final double[] inverseLengthscales;
    private final double noiseVariance;
    private final int n;
    private final double[] lower;
    private final double[] alpha;
    private final double logLikelihood;

    private GaussianProcess(double[][] x, double[] inverseLengthscales, double noiseVariance,
                            double[] lower, double[] alpha, double logLikelihood) {
        this.x = x;
        this.inverseLengthscales = inverseLengthscales;
        this.noiseVariance = noiseVariance;
        this.n = x.length;
        this.lower = lower;
        this.alpha = alpha;
        this.logLikelihood = logLikelihood;
    }

    /** Fits the targets {@code y} at points {@code x}; null if the kernel matrix stays singular. */
    public static GaussianProcess fit(double[][] x, double[] y, double[] lengthscales, double noiseVariance) {
        int n = x.length;
        double[] inverse = new double[lengthscales.length];
        for (int d = 0; d < inverse.length; d++) {
            inverse[d] = 1 / lengthscales[d];
        }
        for (double jitter = JITTER; jitter < 1e-2; jitter *= 100) {
            double[] matrix = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    matrix[i * n + j] = kernel(x[i], x[j], inverse);
                }
                matrix[i * n + i] = 1 + noiseVariance + jitter;
            }
            if (Cholesky.decompose(matrix, n)) {
                double[] alpha = Cholesky.solve(matrix, n, y);
                double fit = 0;
                for (int i = 0; i < n; i++) {
                    fit += y[i] * alpha[i];
                }
                double logDet = 0;
                for (int i = 0; i < n; i++) {
                    logDet += Math.log(matrix[i * n + i]);
                }
                double logLikelihood = -0.5 * fit - logDet - 0.5 * n * Math.log(2 * Math.PI);
                return new GaussianProcess(x, inverse, noiseVariance, matrix, alpha, logLikelihood);
            }
        }
        return null;
    }

    public double logLikelihood() {
        return logLikelihood;
    }

    /**
     * The same kernel fitted to other data, e.g. with pending points added (kriging
     * believer); this model when the new matrix is singular.
     */
    public GaussianProcess refit(double[][] otherX, double[] otherY) {
        double[] lengthscales = new double[inverseLengthscales.length];
        for (int d = 0; d < lengthscales.length; d++) {
            lengthscales[d] = 1 / inverseLengthscales[d];
        }
        GaussianProcess model = fit(otherX, otherY, lengthscales, noiseVariance);
        return model != null ? model : this;
    }

    /** Posterior mean of the latent function at {@code point}. */
    public double mean(double[] point) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += kernel(point, x[i], inverseLengthscales) * alpha[i];
        }
        return mean;
    }

    /** Posterior mean and standard deviation of the latent function (noise excluded). */
    public double[] predict(double[] point) {
        double[] k = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            k[i] = kernel(point, x[i], inverseLengthscales);
            mean += k[i] * alpha[i];
        }
        double[] v = Cholesky.forward(lower, n, k);
        double explained = 0;
        for (double vi : v) {
            explained += vi * vi;
        }
        return new double[] {mean, Math.sqrt(Math.max(1e-12, 1 - explained))};
    }

    static double kernel(double[] a, double[] b, double[] inverseLengthscales) {
        double squared = 0;
        for (int d = 0; d < a.length; d++) {
            double diff = (a[d] - b[d]) * inverseLengthscales[d];
            squared += diff * diff;
        }
        double r = SQRT5 * Math.sqrt(squared);
        return (1 + r + r * r / 3) * Math.exp(-r);
    }
}

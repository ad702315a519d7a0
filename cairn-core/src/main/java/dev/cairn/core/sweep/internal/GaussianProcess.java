package dev.cairn.core.sweep.internal;

import java.util.Arrays;

/**
 * Gaussian-process regression with a Matern 5/2 kernel (one lengthscale per dimension, unit
 * signal variance because targets are standardised) and a white-noise term, solved by
 * Cholesky decomposition ({@link KernelFactor}). Fixed hyper-parameters: {@link GpTrainer} chooses them.
 *
 * <p>Matern 5/2 rather than RBF: training curves of real models are not infinitely smooth, and
 * RBF's smoothness assumption makes it overconfident between observations.
 */
public final class GaussianProcess {

    /** Candidates scored together by {@link #predictAll}: their solves stay in the CPU's cache. */
    private static final int BLOCK = 64;

    private final KernelFactor factor;
    private final int n;
    private final double[] alpha;
    private final double logLikelihood;

    private GaussianProcess(KernelFactor factor, double[] y) {
        this.factor = factor;
        this.n = factor.n;
        this.alpha = Cholesky.solve(factor.lower, n, y);
        double fit = 0;
        for (int i = 0; i < n; i++) {
            fit += y[i] * alpha[i];
        }
        double logDet = 0;
        for (int i = 0; i < n; i++) {
            logDet += Math.log(factor.lower[i * n + i]);
        }
        this.logLikelihood = -0.5 * fit - logDet - 0.5 * n * Math.log(2 * Math.PI);
    }

    /** Fits the targets {@code y} at points {@code x}; null if the kernel matrix stays singular. */
    public static GaussianProcess fit(double[][] x, double[] y, double[] lengthscales, double noiseVariance) {
        return fit(x, y, lengthscales, noiseVariance, null);
    }

    /**
     * As {@link #fit(double[][], double[], double[], double)}, keeping the rows of {@code reuse} (a factor of an
     * earlier fit, may be null) for the leading points it shares with {@code x}; the model is the same as
     * without it, only cheaper.
     */
    public static GaussianProcess fit(double[][] x, double[] y, double[] lengthscales, double noiseVariance,
                                      KernelFactor reuse) {
        double[] inverse = new double[lengthscales.length];
        for (int d = 0; d < inverse.length; d++) {
            inverse[d] = 1 / lengthscales[d];
        }
        KernelFactor factor = KernelFactor.of(x, inverse, noiseVariance, reuse);
        return factor == null ? null : new GaussianProcess(factor, y);
    }

    public double logLikelihood() {
        return logLikelihood;
    }

    /** The factor of this model's kernel matrix, to {@link #fit} more points on later. */
    public KernelFactor factor() {
        return factor;
    }

    /**
     * The same kernel fitted to other data, e.g. with pending points added after this model's (kriging
     * believer: only the added rows are factorised); this model when the new matrix is singular.
     */
    public GaussianProcess refit(double[][] otherX, double[] otherY) {
        KernelFactor other = KernelFactor.of(otherX, factor.inverseLengthscales, factor.noiseVariance, factor);
        return other != null ? new GaussianProcess(other, otherY) : this;
    }

    /** Posterior mean of the latent function at {@code point}. */
    public double mean(double[] point) {
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += factor.kernelTo(point, i) * alpha[i];
        }
        return mean;
    }

    /** Posterior mean and standard deviation of the latent function (noise excluded). */
    public double[] predict(double[] point) {
        double[] k = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            k[i] = factor.kernelTo(point, i);
            mean += k[i] * alpha[i];
        }
        double[] v = Cholesky.forward(factor.lower, n, k);
        double explained = 0;
        for (double vi : v) {
            explained += vi * vi;
        }
        return new double[] {mean, Math.sqrt(Math.max(1e-12, 1 - explained))};
    }

    /**
     * {@link #predict} of many points: {@code {means, sds}}. The triangular solves of a block of points run
     * together, one training point at a time across the block, a loop the JIT vectorises; a few times faster
     * than one {@link #predict} a point, with the same values up to rounding.
     */
    public double[][] predictAll(double[][] points) {
        double[] means = new double[points.length];
        double[] sds = new double[points.length];
        double[][] v = new double[n][BLOCK];
        double[] explained = new double[BLOCK];
        double[] lower = factor.lower;
        for (int from = 0; from < points.length; from += BLOCK) {
            int b = Math.min(BLOCK, points.length - from);
            Arrays.fill(explained, 0);
            factor.kernelsTo(points, from, b, v);
            for (int i = 0; i < n; i++) {
                double[] row = v[i];
                for (int c = 0; c < b; c++) {
                    means[from + c] += row[c] * alpha[i];
                }
            }
            // forward substitution L V = K, row by row: V_i = (K_i - sum_j L_ij V_j) / L_ii
            for (int i = 0; i < n; i++) {
                double[] row = v[i];
                int rowL = i * n;
                int j = 0;
                for (; j + 3 < i; j += 4) {
                    axpy4(lower, rowL + j, v[j], v[j + 1], v[j + 2], v[j + 3], row, b);
                }
                for (; j < i; j++) {
                    axpy(-lower[rowL + j], v[j], row, b);
                }
                double inversePivot = 1 / lower[rowL + i];
                for (int c = 0; c < b; c++) {
                    double vc = row[c] * inversePivot;
                    row[c] = vc;
                    explained[c] += vc * vc;
                }
            }
            for (int c = 0; c < b; c++) {
                sds[from + c] = Math.sqrt(Math.max(1e-12, 1 - explained[c]));
            }
        }
        return new double[][] {means, sds};
    }

    /** {@code y -= a[at] x0 + ... + a[at + 3] x3}: four rows at a time, so y is loaded and stored a quarter as often. */
    private static void axpy4(double[] a, int at, double[] x0, double[] x1, double[] x2, double[] x3, double[] y,
                              int length) {
        double a0 = a[at];
        double a1 = a[at + 1];
        double a2 = a[at + 2];
        double a3 = a[at + 3];
        for (int c = 0; c < length; c++) {
            y[c] -= a0 * x0[c] + a1 * x1[c] + a2 * x2[c] + a3 * x3[c];
        }
    }

    /** {@code y += a x} over the first {@code length} elements. */
    private static void axpy(double a, double[] x, double[] y, int length) {
        for (int c = 0; c < length; c++) {
            y[c] += a * x[c];
        }
    }
}

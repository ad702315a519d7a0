package dev.cairn.core.sweep.internal;

import java.util.Arrays;

/**
 * The log marginal likelihood of standardised targets at a fixed set of points, for the many hyper-parameters
 * {@link GpTrainer} tries. The points' squared distances along each axis are computed once; each try only
 * weighs them by its lengthscales (a loop over all pairs at once, which the JIT vectorises), applies the kernel
 * and factorises. The same value as {@link GaussianProcess#logLikelihood} of a fit, up to rounding.
 */
final class MarginalLikelihood {

    private static final double SQRT5 = Math.sqrt(5);

    private final int n;
    private final double[] y;
    /** {@code squared[axis][pair]}, pairs (i, j < i) in row order: (1,0), (2,0), (2,1), (3,0), ... */
    private final double[][] squared;
    private double[] lastLengthscales;
    private double[] lastKernel;

    MarginalLikelihood(double[][] x, double[] y) {
        this.n = x.length;
        this.y = y;
        int pairs = n * (n - 1) / 2;
        int axes = x[0].length;
        this.squared = new double[axes][pairs];
        for (int k = 0; k < axes; k++) {
            double[] axis = squared[k];
            int p = 0;
            for (int i = 1; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    double diff = x[i][k] - x[j][k];
                    axis[p++] = diff * diff;
                }
            }
        }
    }

    /** The log marginal likelihood; negative infinity when the kernel matrix stays singular. */
    double of(double[] lengthscales, double noiseVariance) {
        double[] kernel = kernel(lengthscales);
        for (double jitter = KernelFactor.FIRST_JITTER; jitter < 1e-2; jitter *= 100) {
            double[] matrix = new double[n * n];
            int p = 0;
            for (int i = 0; i < n; i++) {
                System.arraycopy(kernel, p, matrix, i * n, i);
                p += i;
                matrix[i * n + i] = 1 + noiseVariance + jitter;
            }
            if (Cholesky.decompose(matrix, n)) {
                double[] alpha = Cholesky.solve(matrix, n, y);
                double fit = 0;
                double logDet = 0;
                for (int i = 0; i < n; i++) {
                    fit += y[i] * alpha[i];
                    logDet += Math.log(matrix[i * n + i]);
                }
                return -0.5 * fit - logDet - 0.5 * n * Math.log(2 * Math.PI);
            }
        }
        return Double.NEGATIVE_INFINITY;
    }

    /** The kernel of every pair; the noise levels tried with one set of lengthscales share it. */
    private double[] kernel(double[] lengthscales) {
        if (lastLengthscales != null && Arrays.equals(lastLengthscales, lengthscales)) {
            return lastKernel;
        }
        double[] r2 = new double[squared.length == 0 ? 0 : squared[0].length];
        for (int k = 0; k < squared.length; k++) {
            weigh(squared[k], 1 / (lengthscales[k] * lengthscales[k]), r2);
        }
        for (int p = 0; p < r2.length; p++) {
            double r = SQRT5 * Math.sqrt(r2[p]);
            r2[p] = (1 + r + r * r / 3) * Math.exp(-r);
        }
        lastLengthscales = lengthscales.clone();
        lastKernel = r2;
        return r2;
    }

    private static void weigh(double[] axis, double weight, double[] into) {
        for (int p = 0; p < into.length; p++) {
            into[p] += axis[p] * weight;
        }
    }
}

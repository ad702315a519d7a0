package dev.cairn.core.sweep.internal;

import java.util.Arrays;

/**
 * The Cholesky factor of a Matern 5/2 kernel matrix over some points, with the hyper-parameters and the
 * diagonal jitter it took. It depends on the points and the hyper-parameters only, not on the targets, so a
 * model refitted to new targets at the same points, or to more points ({@link #of} with {@code reuse}), keeps
 * the rows it shares with an earlier factor: adding k points to n costs O(k n^2) instead of O(n^3), and the
 * result is bit for bit what a fresh factorisation gives ({@link Cholesky#decomposeFrom}).
 */
public final class KernelFactor {

    private static final double SQRT5 = Math.sqrt(5);
    static final double FIRST_JITTER = 1e-8;
    private static final double MAX_JITTER = 1e-2;

    final double[][] x;
    final double[] inverseLengthscales;
    final double noiseVariance;
    final double jitter;
    final double[] lower;
    final int n;

    private KernelFactor(double[][] x, double[] inverseLengthscales, double noiseVariance, double jitter,
                         double[] lower) {
        this.x = x;
        this.inverseLengthscales = inverseLengthscales;
        this.noiseVariance = noiseVariance;
        this.jitter = jitter;
        this.lower = lower;
        this.n = x.length;
    }

    /**
     * The factor of the kernel matrix at {@code x} (plus noise and the smallest jitter of 1e-8, 1e-6, 1e-4 that
     * makes it positive definite), or null when none does. {@code reuse} (may be null): an earlier factor whose
     * rows for a common leading run of the same points, under the same hyper-parameters, are kept.
     */
    static KernelFactor of(double[][] x, double[] inverseLengthscales, double noiseVariance, KernelFactor reuse) {
        int kept = reuse == null ? 0 : reuse.sharedRows(x, inverseLengthscales, noiseVariance);
        // a jitter above the first means smaller ones failed on the reused rows: only then may they be skipped
        if (kept > 0 && reuse.jitter != FIRST_JITTER && kept < reuse.n) {
            kept = 0;
        }
        double firstJitter = kept > 0 ? reuse.jitter : FIRST_JITTER;
        int n = x.length;
        for (double jitter = firstJitter; jitter < MAX_JITTER; jitter *= 100) {
            int from = jitter == firstJitter ? kept : 0;
            double[] matrix = new double[n * n];
            for (int i = 0; i < from; i++) {
                System.arraycopy(reuse.lower, i * reuse.n, matrix, i * n, i + 1);
            }
            for (int i = from; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    matrix[i * n + j] = kernel(x[i], x[j], inverseLengthscales);
                }
                matrix[i * n + i] = 1 + noiseVariance + jitter;
            }
            if (Cholesky.decomposeFrom(matrix, n, from)) {
                return new KernelFactor(x, inverseLengthscales, noiseVariance, jitter, matrix);
            }
        }
        return null;
    }

    /** How many leading points this factor shares with {@code otherX} under these hyper-parameters. */
    private int sharedRows(double[][] otherX, double[] otherInverseLengthscales, double otherNoiseVariance) {
        if (otherNoiseVariance != noiseVariance || !Arrays.equals(otherInverseLengthscales, inverseLengthscales)) {
            return 0;
        }
        int shared = 0;
        int limit = Math.min(n, otherX.length);
        while (shared < limit && (x[shared] == otherX[shared] || Arrays.equals(x[shared], otherX[shared]))) {
            shared++;
        }
        return shared;
    }

    double kernelTo(double[] point, int i) {
        return kernel(point, x[i], inverseLengthscales);
    }

    /**
     * {@code into[i][c]}: the kernel between training point i and {@code points[from + c]}, c < {@code count}.
     * Computed a training point at a time across the block, loops the JIT vectorises.
     */
    void kernelsTo(double[][] points, int from, int count, double[][] into) {
        int d = inverseLengthscales.length;
        double[][] scaled = new double[d][count];
        for (int c = 0; c < count; c++) {
            for (int k = 0; k < d; k++) {
                scaled[k][c] = points[from + c][k] * inverseLengthscales[k];
            }
        }
        double[] squared = new double[count];
        for (int i = 0; i < n; i++) {
            Arrays.fill(squared, 0);
            for (int k = 0; k < d; k++) {
                addSquaredDistance(scaled[k], x[i][k] * inverseLengthscales[k], squared, count);
            }
            double[] row = into[i];
            for (int c = 0; c < count; c++) {
                double r = SQRT5 * Math.sqrt(squared[c]);
                row[c] = (1 + r + r * r / 3) * Math.exp(-r);
            }
        }
    }

    private static void addSquaredDistance(double[] coordinates, double centre, double[] squared, int count) {
        for (int c = 0; c < count; c++) {
            double diff = coordinates[c] - centre;
            squared[c] += diff * diff;
        }
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

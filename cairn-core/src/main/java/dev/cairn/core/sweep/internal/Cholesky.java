package dev.cairn.core.sweep.internal;

/**
 * In-place Cholesky factorisation of a symmetric positive-definite matrix stored row-major in
 * a flat array (lower triangle read, lower factor written), and the triangular solves. Rows
 * are walked contiguously, which is what keeps n = 200 at a few milliseconds.
 */
final class Cholesky {

    private Cholesky() {
    }

    /** Replaces the lower triangle of {@code a} by L with L L^T = a; false if not positive definite. */
    static boolean decompose(double[] a, int n) {
        return decomposeFrom(a, n, 0);
    }

    /**
     * As {@link #decompose}, when rows {@code 0..fromRow-1} already hold L (a factor of the leading block, which
     * does not depend on later rows): only the remaining rows are computed, row by row. Each element is the same
     * expression, with the same summation order, as in a full decomposition, so the result is bit for bit the
     * same; adding k points to n costs O(k n^2) instead of O(n^3).
     */
    static boolean decomposeFrom(double[] a, int n, int fromRow) {
        for (int i = fromRow; i < n; i++) {
            int rowI = i * n;
            for (int j = 0; j < i; j++) {
                int rowJ = j * n;
                a[rowI + j] = (a[rowI + j] - dot(a, rowI, a, rowJ, j)) / a[rowJ + j];
            }
            double diagonal = a[rowI + i] - dot(a, rowI, a, rowI, i);
            if (!(diagonal > 0)) {
                return false;
            }
            a[rowI + i] = Math.sqrt(diagonal);
        }
        return true;
    }

    /** Solves L v = b. */
    static double[] forward(double[] lower, int n, double[] b) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            int row = i * n;
            v[i] = (b[i] - dot(lower, row, v, 0, i)) / lower[row + i];
        }
        return v;
    }

    /** Solves L L^T x = b. */
    static double[] solve(double[] lower, int n, double[] b) {
        double[] v = forward(lower, n, b);
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = v[i];
            for (int k = i + 1; k < n; k++) {
                sum -= lower[k * n + i] * x[k];
            }
            x[i] = sum / lower[i * n + i];
        }
        return x;
    }

    /**
     * Dot product of {@code length} elements with four running sums: the JIT does not reorder
     * floating-point additions itself, and these loops are where the time goes.
     */
    static double dot(double[] a, int aFrom, double[] b, int bFrom, int length) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < length; k += 4) {
            s0 += a[aFrom + k] * b[bFrom + k];
            s1 += a[aFrom + k + 1] * b[bFrom + k + 1];
            s2 += a[aFrom + k + 2] * b[bFrom + k + 2];
            s3 += a[aFrom + k + 3] * b[bFrom + k + 3];
        }
        for (; k < length; k++) {
            s0 += a[aFrom + k] * b[bFrom + k];
        }
        return (s0 + s1) + (s2 + s3);
    }
}

package dev.cairn.core.sweep.internal;

/**
 * The beta distribution's cumulative distribution (the regularised incomplete beta function,
 * by its continued fraction) and quantile (by bisection: slow-ish but never diverges, and
 * only one value per suggestion needs it).
 */
public final class BetaDistribution {

    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};

    private BetaDistribution() {
    }

    public static double cdf(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        // The continued fraction converges fast only left of the mean; mirror otherwise.
        if (x > (a + 1) / (a + b + 2)) {
            return 1 - cdf(1 - x, b, a);
        }
        double logFront = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
        return Math.exp(logFront) * continuedFraction(x, a, b) / a;
    }

    public static double quantile(double p, double a, double b) {
        double low = 0;
        double high = 1;
        for (int i = 0; i < 60; i++) {
            double mid = (low + high) / 2;
            if (cdf(mid, a, b) < p) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    private static double continuedFraction(double x, double a, double b) {
        double tiny = 1e-300;
        double c = 1;
        double d = nonZero(1 - (a + b) * x / (a + 1), tiny);
        d = 1 / d;
        double result = d;
        for (int m = 1; m <= 500; m++) {
            int m2 = 2 * m;
            double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 / nonZero(1 + even * d, tiny);
            c = nonZero(1 + even / c, tiny);
            result *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 / nonZero(1 + odd * d, tiny);
            c = nonZero(1 + odd / c, tiny);
            double step = d * c;
            result *= step;
            if (Math.abs(step - 1) < 1e-14) {
                break;
            }
        }
        return result;
    }

    private static double nonZero(double v, double tiny) {
        return Math.abs(v) < tiny ? tiny : v;
    }

    static double logBeta(double a, double b) {
        return logGamma(a) + logGamma(b) - logGamma(a + b);
    }

    /** Lanczos approximation (g = 7), with reflection below 0.5. */
    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}

package dev.cairn.server.importance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A small random forest regressor: each tree grows on a bootstrap sample of the rows, each split looks at a
 * random subset of the features and picks the threshold that lowers the squared error most. The same seed
 * and data give the same forest. Feature importance is out-of-bag permutation importance: how much each
 * tree's squared error on the rows it did not see grows when that feature's values are shuffled among them,
 * clamped at 0 and normalised to sum to 1. Unlike the impurity decrease of splits (the fallback when no
 * permutation hurts), it leaves a feature that only fits noise near 0.
 *
 * <pre>{@code
 * RandomForest forest = RandomForest.fit(x, y, RandomForest.Options.defaults(42));
 * double[] importance = forest.importance();   // one value per column of x, summing to 1
 * }</pre>
 */
public final class RandomForest {
    private final List<RegressionTree> trees;
    private final double[] importance;

    private RandomForest(List<RegressionTree> trees, double[] importance) {
        this.trees = trees;
        this.importance = importance;
    }

    /**
     * How the forest grows. {@code maxSampleRows} caps each bootstrap sample, so a forest over 10,000 runs
     * costs about what one over 1,000 does.
     */
    public record Options(int trees, int maxDepth, int minLeafRows, int maxSampleRows, int maxOutOfBagRows, long seed) {
        public static Options defaults(long seed) {
            return new Options(100, 10, 2, 1_000, 300, seed);
        }

        /** A third of the features, as usual for regression, but at least two so two features are compared. */
        int featuresPerSplit(int featureCount) {
            return Math.max(2, (int) Math.ceil(featureCount / 3.0));
        }
    }

    /** Fits the forest to rows {@code x} (each the same length, no NaN) and targets {@code y}. */
    public static RandomForest fit(double[][] x, double[] y, Options options) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("need as many target values as rows, and at least one: "
                    + x.length + " rows, " + y.length + " targets");
        }
        int featureCount = x[0].length;
        double[] impurity = new double[featureCount];
        double[] permutation = new double[featureCount];
        List<RegressionTree> trees = new ArrayList<>(options.trees());
        Random random = new Random(options.seed());
        int sampleSize = Math.min(x.length, options.maxSampleRows());
        for (int t = 0; t < options.trees() && featureCount > 0; t++) {
            boolean[] inBag = new boolean[x.length];
            int[] sample = new int[sampleSize];
            for (int i = 0; i < sampleSize; i++) {
                sample[i] = random.nextInt(x.length);
                inBag[sample[i]] = true;
            }
            RegressionTree tree = RegressionTree.grow(x, y, sample, options, random, impurity);
            trees.add(tree);
            addPermutationLoss(tree, x, y, outOfBag(inBag, options.maxOutOfBagRows(), random), random, permutation);
        }
        double[] importance = normalised(permutation);
        return new RandomForest(trees, sum(importance) > 0 ? importance : normalised(impurity));
    }

    private static int[] outOfBag(boolean[] inBag, int maxRows, Random random) {
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < inBag.length; r++) {
            if (!inBag[r]) {
                rows.add(r);
            }
        }
        Collections.shuffle(rows, random);
        return rows.stream().limit(maxRows).mapToInt(Integer::intValue).toArray();
    }

    /** Adds, per feature, how much the tree's squared error on {@code rows} grows when the feature is shuffled. */
    private static void addPermutationLoss(RegressionTree tree, double[][] x, double[] y, int[] rows, Random random,
                                           double[] loss) {
        if (rows.length < 2) {
            return;
        }
        double baseline = 0;
        for (int r : rows) {
            double error = tree.predict(x[r]) - y[r];
            baseline += error * error;
        }
        int[] shuffled = rows.clone();
        for (int f = 0; f < loss.length; f++) {
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = swap;
            }
            double permuted = 0;
            for (int i = 0; i < rows.length; i++) {
                double[] features = x[rows[i]].clone();
                features[f] = x[shuffled[i]][f];
                double error = tree.predict(features) - y[rows[i]];
                permuted += error * error;
            }
            loss[f] += (permuted - baseline) / rows.length;
        }
    }

    private static double[] normalised(double[] values) {
        double[] clamped = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            clamped[i] = Math.max(0, values[i]);
        }
        double total = sum(clamped);
        for (int i = 0; i < clamped.length; i++) {
            clamped[i] = total > 0 ? clamped[i] / total : 0;
        }
        return clamped;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double value : values) {
            total += value;
        }
        return total;
    }

    /** Each feature's share of the squared-error decrease, summing to 1 (all 0 when no split helped). */
    public double[] importance() {
        return importance.clone();
    }

    /** The mean of the trees' predictions for one row of features. */
    public double predict(double[] features) {
        double sum = 0;
        for (RegressionTree tree : trees) {
            sum += tree.predict(features);
        }
        return trees.isEmpty() ? Double.NaN : sum / trees.size();
    }
}

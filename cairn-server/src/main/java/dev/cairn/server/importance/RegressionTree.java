package dev.cairn.server.importance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * One regression tree of a {@link RandomForest}: grown on the given rows by variance-reduction splits, each
 * split choosing among a random subset of the features. While growing it adds each split's decrease in
 * squared error to {@code importance[feature]}, which is what the forest's importance sums.
 */
final class RegressionTree {
    /** Per node: the feature split on (-1 for a leaf), its threshold, children and the leaf's value. */
    private final List<double[]> nodes = new ArrayList<>();

    private final double[][] x;
    private final double[] y;
    private final RandomForest.Options options;
    private final Random random;
    private final double[] importance;

    private RegressionTree(double[][] x, double[] y, RandomForest.Options options, Random random, double[] importance) {
        this.x = x;
        this.y = y;
        this.options = options;
        this.random = random;
        this.importance = importance;
    }

    /** Grows a tree on {@code rows} (indices into x and y, repeats allowed), adding to {@code importance}. */
    static RegressionTree grow(double[][] x, double[] y, int[] rows, RandomForest.Options options, Random random,
                               double[] importance) {
        RegressionTree tree = new RegressionTree(x, y, options, random, importance);
        tree.node(rows, 0);
        return tree;
    }

    double predict(double[] features) {
        int at = 0;
        while (true) {
            double[] node = nodes.get(at);
            if (node[0] < 0) {
                return node[4];
            }
            at = (int) (features[(int) node[0]] <= node[1] ? node[2] : node[3]);
        }
    }

    private int node(int[] rows, int depth) {
        int index = nodes.size();
        double[] node = {-1, 0, 0, 0, mean(rows)};
        nodes.add(node);
        if (depth >= options.maxDepth() || rows.length < 2 * options.minLeafRows()) {
            return index;
        }
        Split best = bestSplit(rows);
        if (best == null || best.gain() <= 1e-12) {
            return index;
        }
        importance[best.feature()] += best.gain();
        int[] left = Arrays.stream(rows).filter(r -> x[r][best.feature()] <= best.threshold()).toArray();
        int[] right = Arrays.stream(rows).filter(r -> x[r][best.feature()] > best.threshold()).toArray();
        node[0] = best.feature();
        node[1] = best.threshold();
        node[2] = node(left, depth + 1);
        node[3] = node(right, depth + 1);
        return index;
    }

    private record Split(int feature, double threshold, double gain) {
    }

    /** The split that lowers the squared error most, among a random subset of the features. */
    private Split bestSplit(int[] rows) {
        int featureCount = x[0].length;
        int[] candidates = shuffledFeatures(featureCount);
        int tries = Math.min(featureCount, options.featuresPerSplit(featureCount));
        double total = 0;
        double totalSquares = 0;
        for (int r : rows) {
            total += y[r];
            totalSquares += y[r] * y[r];
        }
        double parentError = totalSquares - total * total / rows.length;
        Split best = null;
        Integer[] order = new Integer[rows.length];
        for (int t = 0; t < tries; t++) {
            int feature = candidates[t];
            for (int i = 0; i < rows.length; i++) {
                order[i] = rows[i];
            }
            Arrays.sort(order, (a, b) -> Double.compare(x[a][feature], x[b][feature]));
            double leftSum = 0;
            double leftSquares = 0;
            for (int i = 0; i < rows.length - 1; i++) {
                double value = y[order[i]];
                leftSum += value;
                leftSquares += value * value;
                int leftCount = i + 1;
                int rightCount = rows.length - leftCount;
                double here = x[order[i]][feature];
                double next = x[order[i + 1]][feature];
                if (here == next || leftCount < options.minLeafRows() || rightCount < options.minLeafRows()) {
                    continue;
                }
                double rightSum = total - leftSum;
                double error = leftSquares - leftSum * leftSum / leftCount
                        + (totalSquares - leftSquares) - rightSum * rightSum / rightCount;
                double gain = parentError - error;
                if (best == null || gain > best.gain()) {
                    best = new Split(feature, (here + next) / 2, gain);
                }
            }
        }
        return best;
    }

    private int[] shuffledFeatures(int featureCount) {
        int[] features = new int[featureCount];
        for (int i = 0; i < featureCount; i++) {
            features[i] = i;
        }
        for (int i = featureCount - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = features[i];
            features[i] = features[j];
            features[j] = swap;
        }
        return features;
    }

    private double mean(int[] rows) {
        double sum = 0;
        for (int r : rows) {
            sum += y[r];
        }
        return rows.length == 0 ? 0 : sum / rows.length;
    }
}

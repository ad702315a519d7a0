package dev.cairn.server.importance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One config key as a numeric column the forest can split on. Numbers and booleans (1/0) stay numbers, a
 * missing value takes the column's mean; any other key is categorical, its values (texts, or JSON for arrays)
 * ranked by the mean target of the runs that have them, so a single threshold can separate good values from
 * bad ones. A missing categorical value is a category of its own.
 */
record FeatureColumn(String key, boolean isNumeric, double[] values, Double correlation) {
    static final String MISSING = "(missing)";

    /** Encodes {@code key} over the runs' configs; {@code target} holds each run's metric value. */
    static FeatureColumn encode(String key, List<Map<String, JsonNode>> configs, double[] target) {
        boolean numeric = configs.stream().map(c -> c.get(key))
                .allMatch(v -> v == null || v.isNumber() || v.isBoolean());
        return numeric ? numeric(key, configs, target) : categorical(key, configs, target);
    }

    private static FeatureColumn numeric(String key, List<Map<String, JsonNode>> configs, double[] target) {
        double[] values = new double[configs.size()];
        boolean[] present = new boolean[configs.size()];
        double sum = 0;
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            JsonNode value = configs.get(i).get(key);
            if (value != null && (value.isBoolean() || Double.isFinite(value.asDouble()))) {
                values[i] = value.isBoolean() ? (value.booleanValue() ? 1 : 0) : value.asDouble();
                present[i] = true;
                sum += values[i];
                count++;
            }
        }
        double mean = count == 0 ? 0 : sum / count;
        for (int i = 0; i < values.length; i++) {
            if (!present[i]) {
                values[i] = mean;
            }
        }
        return new FeatureColumn(key, true, values, pearson(values, present, target));
    }

    private static FeatureColumn categorical(String key, List<Map<String, JsonNode>> configs, double[] target) {
        String[] labels = new String[configs.size()];
        Map<String, double[]> sums = new HashMap<>(); // label -> {sum of target, count}
        for (int i = 0; i < labels.length; i++) {
            JsonNode value = configs.get(i).get(key);
            labels[i] = value == null ? MISSING : value.isTextual() ? value.textValue() : value.toString();
            double[] sum = sums.computeIfAbsent(labels[i], l -> new double[2]);
            sum[0] += target[i];
            sum[1]++;
        }
        List<String> byMean = sums.keySet().stream()
                .sorted((a, b) -> Double.compare(sums.get(a)[0] / sums.get(a)[1], sums.get(b)[0] / sums.get(b)[1]))
                .toList();
        double[] values = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            values[i] = byMean.indexOf(labels[i]);
        }
        return new FeatureColumn(key, false, values, null);
    }

    /** Pearson's correlation over the present values; null when either side does not vary. */
    static Double pearson(double[] x, boolean[] present, double[] y) {
        double n = 0;
        double sumX = 0;
        double sumY = 0;
        for (int i = 0; i < x.length; i++) {
            if (present[i]) {
                n++;
                sumX += x[i];
                sumY += y[i];
            }
        }
        if (n < 2) {
            return null;
        }
        double meanX = sumX / n;
        double meanY = sumY / n;
        double covariance = 0;
        double varianceX = 0;
        double varianceY = 0;
        for (int i = 0; i < x.length; i++) {
            if (present[i]) {
                covariance += (x[i] - meanX) * (y[i] - meanY);
                varianceX += (x[i] - meanX) * (x[i] - meanX);
                varianceY += (y[i] - meanY) * (y[i] - meanY);
            }
        }
        if (varianceX <= 0 || varianceY <= 0) {
            return null;
        }
        return covariance / Math.sqrt(varianceX * varianceY);
    }
}

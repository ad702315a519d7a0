package dev.cairn.server.importance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.cairn.server.run.RunLeaves;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RandomForestTest {

    @Test
    void the_feature_that_determines_the_target_ranks_first_and_noise_stays_near_zero() {
        Random random = new Random(7);
        double[][] x = new double[60][3];
        double[] y = new double[60];
        for (int i = 0; i < 60; i++) {
            x[i] = new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble()};
            y[i] = Math.sin(4 * x[i][1]) + 0.01 * random.nextGaussian();
        }

        double[] importance = RandomForest.fit(x, y, RandomForest.Options.defaults(1)).importance();

        assertThat(importance[1]).isGreaterThan(0.8);
        assertThat(importance[0]).isLessThan(0.1);
        assertThat(importance[2]).isLessThan(0.1);
        assertThat(importance[0] + importance[1] + importance[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void the_same_seed_gives_the_same_importance_and_predictions_follow_the_target() {
        Random random = new Random(3);
        double[][] x = new double[40][2];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            x[i] = new double[] {random.nextDouble(), random.nextDouble()};
            y[i] = x[i][0] > 0.5 ? 10 : 0;
        }

        RandomForest first = RandomForest.fit(x, y, RandomForest.Options.defaults(5));
        RandomForest second = RandomForest.fit(x, y, RandomForest.Options.defaults(5));

        assertThat(first.importance()).containsExactly(second.importance());
        assertThat(first.predict(new double[] {0.9, 0.5})).isGreaterThan(8);
        assertThat(first.predict(new double[] {0.1, 0.5})).isLessThan(2);
    }

    @Test
    void a_categorical_key_that_decides_the_metric_ranks_first_with_numeric_noise_near_zero() {
        Random random = new Random(11);
        List<RunLeaves> runs = new ArrayList<>();
        String[] optimizers = {"adam", "sgd", "rmsprop"};
        double[] quality = {0.9, 0.5, 0.7};
        for (int i = 0; i < 45; i++) {
            int opt = i % 3;
            Map<String, JsonNode> config = Map.of("optimizer", TextNode.valueOf(optimizers[opt]),
                    "seed", DoubleNode.valueOf(random.nextDouble()));
            runs.add(new RunLeaves("r" + i, "run-" + i, config,
                    Map.of("acc", DoubleNode.valueOf(quality[opt] + 0.01 * random.nextGaussian()))));
        }

        ParameterImportance.Result result = ParameterImportance.of(runs, "acc", null, 42);

        assertThat(result.runCount()).isEqualTo(45);
        assertThat(result.keys().get(0).key()).isEqualTo("optimizer");
        assertThat(result.keys().get(0).correlation()).isNull();
        assertThat(result.keys().get(1).importance()).isLessThan(0.1);
    }

    @Test
    void correlation_sign_says_whether_more_of_a_key_means_more_of_the_metric() {
        List<RunLeaves> runs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            runs.add(new RunLeaves("r" + i, "run-" + i,
                    Map.of("lr", DoubleNode.valueOf(i), "dropout", DoubleNode.valueOf((i * 7) % 20)),
                    Map.of("loss", DoubleNode.valueOf(100 - i * i))));
        }

        ParameterImportance.Result result = ParameterImportance.of(runs, "loss", List.of("lr"), 42);

        assertThat(result.keys()).hasSize(1);
        assertThat(result.keys().get(0).key()).isEqualTo("lr");
        assertThat(result.keys().get(0).importance()).isEqualTo(1.0);
        assertThat(result.keys().get(0).correlation()).isLessThan(-0.9);
    }
}

import dev.cairn.client.Cairn;
import dev.cairn.client.InitOptions;
import dev.cairn.client.Run;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A real (small) training loop tracked by Cairn: a one-hidden-layer network learns the "two moons"
 * classification problem by stochastic gradient descent. The data is generated here from a seed, so the
 * example needs no download.
 *
 * <pre>
 * ./cairn server &amp;
 * java -cp cairn-cli/target/cairn.jar examples/java/TwoMoons.java --lr 0.1 --hidden 16 --epochs 40
 * </pre>
 *
 * Every option is also the run's config, so the same program runs by hand or, later, under a sweep agent.
 */
public final class TwoMoons {
    public static void main(String[] args) {
        Map<String, Object> config = new LinkedHashMap<>(Map.of("lr", 0.1, "hidden", 16, "epochs", 40,
                "samples", 1000, "noise", 0.15, "seed", 7));
        for (int i = 0; i + 1 < args.length; i += 2) {
            String key = args[i].replaceFirst("^--", "");
            config.put(key, args[i + 1].contains(".") ? Double.parseDouble(args[i + 1]) : Integer.parseInt(args[i + 1]));
        }
        double lr = ((Number) config.get("lr")).doubleValue();
        int hidden = ((Number) config.get("hidden")).intValue();
        int epochs = ((Number) config.get("epochs")).intValue();
        Random random = new Random(((Number) config.get("seed")).longValue());
        double[][] x = new double[((Number) config.get("samples")).intValue()][];
        int[] y = new int[x.length];
        makeMoons(x, y, ((Number) config.get("noise")).doubleValue(), random);
        int trainCount = x.length * 4 / 5;

        try (Run run = Cairn.init(InitOptions.builder().project("two-moons").config(config).build())) {
            Network net = new Network(hidden, random);
            for (int epoch = 0; epoch < epochs; epoch++) {
                double loss = 0;
                for (int i : shuffled(trainCount, random)) {
                    loss += net.trainStep(x[i], y[i], lr);
                }
                run.log(Map.of("epoch", epoch, "train/loss", loss / trainCount,
                        "train/acc", net.accuracy(x, y, 0, trainCount),
                        "val/acc", net.accuracy(x, y, trainCount, x.length)));
            }
            run.summary().put("best_val_acc", net.accuracy(x, y, trainCount, x.length));
            System.out.println("finished " + run.name() + (run.isOffline() ? " (offline)" : ": " + run.url()));
        }
    }

    /** Two interleaved half circles with Gaussian noise; label 0 for the upper one, 1 for the lower. */
    static void makeMoons(double[][] x, int[] y, double noise, Random random) {
        for (int i = 0; i < x.length; i++) {
            double angle = Math.PI * random.nextDouble();
            y[i] = i % 2;
            double px = y[i] == 0 ? Math.cos(angle) : 1 - Math.cos(angle);
            double py = y[i] == 0 ? Math.sin(angle) : 0.5 - Math.sin(angle);
            x[i] = new double[] {px + noise * random.nextGaussian(), py + noise * random.nextGaussian()};
        }
    }

    static int[] shuffled(int count, Random random) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** 2 inputs → tanh hidden layer → one sigmoid output, trained on the binary cross-entropy. */
    static final class Network {
        final double[][] w1;
        final double[] b1;
        final double[] w2;
        double b2;

        Network(int hidden, Random random) {
            w1 = new double[hidden][2];
            b1 = new double[hidden];
            w2 = new double[hidden];
            for (int h = 0; h < hidden; h++) {
                w1[h][0] = random.nextGaussian();
                w1[h][1] = random.nextGaussian();
                w2[h] = random.nextGaussian() / Math.sqrt(hidden);
            }
        }

        double[] hiddenOf(double[] in) {
            double[] a = new double[b1.length];
            for (int h = 0; h < a.length; h++) {
                a[h] = Math.tanh(w1[h][0] * in[0] + w1[h][1] * in[1] + b1[h]);
            }
            return a;
        }

        double predict(double[] in, double[] a) {
            double z = b2;
            for (int h = 0; h < a.length; h++) {
                z += w2[h] * a[h];
            }
            return 1 / (1 + Math.exp(-z));
        }

        /** One SGD step on one example; returns its loss before the step. */
        double trainStep(double[] in, int label, double lr) {
            double[] a = hiddenOf(in);
            double p = predict(in, a);
            double dz = p - label;
            for (int h = 0; h < a.length; h++) {
                double da = dz * w2[h] * (1 - a[h] * a[h]);
                w2[h] -= lr * dz * a[h];
                w1[h][0] -= lr * da * in[0];
                w1[h][1] -= lr * da * in[1];
                b1[h] -= lr * da;
            }
            b2 -= lr * dz;
            double clipped = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
            return label == 1 ? -Math.log(clipped) : -Math.log(1 - clipped);
        }

        double accuracy(double[][] x, int[] y, int from, int to) {
            int correct = 0;
            for (int i = from; i < to; i++) {
                int guess = predict(x[i], hiddenOf(x[i])) >= 0.5 ? 1 : 0;
                correct += guess == y[i] ? 1 : 0;
            }
            return (double) correct / (to - from);
        }
    }
}

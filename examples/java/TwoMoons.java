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
 * java -cp cairn-cli/target/cairn.jar examples/java/TwoMoons.java --lr=0.1 --hidden=16 --epochs=40
 * </pre>
 *
 * Every option ({@code --name=value} or {@code --name value}; all have defaults) is also the run's config, so
 * the same program runs by hand or under a sweep agent: {@code examples/java/sweep.yaml} searches its learning
 * rate and hidden size. Under the agent, {@code Cairn.init} picks up the trial's run and the sweep's
 * parameters win, so the program reads its hyper-parameters back from {@code run.config()}; it stops early
 * when the sweep says so (hyperband), and the run ends {@code killed}.
 */
public final class TwoMoons {
    public static void main(String[] args) {
        Map<String, Object> defaults = new LinkedHashMap<>(Map.of("lr", 0.1, "hidden", 16, "epochs", 40,
                "samples", 1000, "noise", 0.15, "seed", 7));
        defaults.putAll(parseFlags(args));

        try (Run run = Cairn.init(InitOptions.builder().project("two-moons").config(defaults).build())) {
            Map<String, Object> config = run.config();
            double lr = number(config, "lr").doubleValue();
            int hidden = number(config, "hidden").intValue();
            int epochs = number(config, "epochs").intValue();
            Random random = new Random(number(config, "seed").longValue());
            double[][] x = new double[number(config, "samples").intValue()][];
            int[] y = new int[x.length];
            makeMoons(x, y, number(config, "noise").doubleValue(), random);
            int trainCount = x.length * 4 / 5;

            Network net = new Network(hidden, random);
            for (int epoch = 0; epoch < epochs && !run.isStopRequested(); epoch++) {
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

    /** {@code --lr=0.1 --hidden 16}: numbers become numbers ({@code 1e-05} too), anything else stays text. */
    static Map<String, Object> parseFlags(String[] args) {
        Map<String, Object> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'; write --name=value");
            }
            String flag = args[i].substring(2);
            int eq = flag.indexOf('=');
            if (eq < 0 && i + 1 >= args.length) {
                throw new IllegalArgumentException("--" + flag + " has no value; write --" + flag + "=value");
            }
            String name = eq >= 0 ? flag.substring(0, eq) : flag;
            String value = eq >= 0 ? flag.substring(eq + 1) : args[++i];
            flags.put(name, parseValue(value));
        }
        return flags;
    }

    static Object parseValue(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notInt) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException notNumber) {
                return text;
            }
        }
    }

    static Number number(Map<String, Object> config, String key) {
        Object value = config.get(key);
        if (value instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException("config " + key + " must be a number, not " + value);
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

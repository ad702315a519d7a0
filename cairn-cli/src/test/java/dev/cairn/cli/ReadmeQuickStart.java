package dev.cairn.cli;

import dev.cairn.client.Cairn;
import dev.cairn.client.InitOptions;
import dev.cairn.client.Run;
import java.util.Map;

/**
 * The README's Java quick start, verbatim between the markers; {@code ReadmeQuickStartTest} checks that the
 * README shows exactly these lines and runs this class in a JVM of its own, configured only through the
 * environment as a user's program would be.
 */
public final class ReadmeQuickStart {
    private ReadmeQuickStart() {
    }

    public static void main(String[] args) {
        // README start
        try (Run run = Cairn.init(InitOptions.builder().project("mnist").config(Map.of("lr", 0.001)).build())) {
            for (int epoch = 0; epoch < 10; epoch++) {
                run.log(Map.of("loss", 1.0 / (epoch + 1), "acc", 0.5 + epoch * 0.04));
            }
        }
        // README end
    }
}

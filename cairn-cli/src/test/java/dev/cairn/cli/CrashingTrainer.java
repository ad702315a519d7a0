package dev.cairn.cli;

import dev.cairn.client.Cairn;
import dev.cairn.client.InitOptions;
import dev.cairn.client.Run;
import java.nio.file.Path;
import java.util.Map;

/**
 * Test-only training program for {@code CrashDetectionTest}: starts a run on the server named by the first
 * argument, prints its id, then logs until it is killed.
 */
public final class CrashingTrainer {
    private CrashingTrainer() {
    }

    public static void main(String[] args) throws InterruptedException {
        Run run = Cairn.init(InitOptions.builder().entity("crash").project("detect").baseUrl(args[0])
                .dir(Path.of(args[1])).sampleIntervalMs(0).build());
        System.out.println("run " + run.id());
        System.out.flush();
        for (long step = 0; ; step++) {
            run.log(Map.of("loss", 1.0 / (step + 1)), step);
            Thread.sleep(5);
        }
    }
}

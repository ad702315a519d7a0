package dev.cairn.cli;

import dev.cairn.client.Cairn;
import dev.cairn.client.InitOptions;
import dev.cairn.client.Run;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Test-only training program for the sweep agent tests: started by {@code cairn agent} with the sweep's
 * environment, it inits its run with no sweep-specific code, logs a few steps of a loss that depends on
 * the parameter {@code x}, and prints the flag it got. With {@code HANG_ONCE=FILE} set, the first trainer
 * to create FILE writes its run id there and then logs forever (until a test kills it).
 */
public final class SweepTrainer {
    private SweepTrainer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Run run = Cairn.init(InitOptions.builder().project("not-the-sweeps-project").sampleIntervalMs(0).build());
        int x = ((Number) run.config().get("x")).intValue();
        String hangOnce = System.getenv("HANG_ONCE");
        if (hangOnce != null && claim(Path.of(hangOnce), run.id())) {
            System.out.println("hanging in run " + run.id());
            for (long step = 0; ; step++) {
                run.log(Map.of("loss", 100.0), step);
                Thread.sleep(50);
            }
        }
        for (int step = 0; step < 5; step++) {
            run.log(Map.of("loss", x * x + 1.0 / (step + 1)));
        }
        System.out.println("trained x=" + x + " with " + String.join(" ", args));
        run.finish();
    }

    private static boolean claim(Path marker, String runId) throws IOException {
        try {
            Files.createFile(marker.resolveSibling(marker.getFileName() + ".claim"));
        } catch (FileAlreadyExistsException taken) {
            return false;
        }
        Path temp = marker.resolveSibling(marker.getFileName() + ".tmp");
        Files.writeString(temp, runId);
        Files.move(temp, marker);
        return true;
    }
}

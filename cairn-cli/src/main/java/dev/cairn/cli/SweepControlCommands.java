package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.sweep.SweepRef;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn sweep pause|resume|stop|cancel ID}: change a sweep's state and print the new one. */
final class SweepControlCommands {
    private SweepControlCommands() {
    }

    abstract static class Control implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SWEEP", description = "entity/project/sweep_id, or the id with --entity/--project")
        String sweep;

        @Mixin
        SweepTarget target;

        @Override
        public Integer call() {
            SweepRef ref = target.ref(sweep);
            String action = spec.name(); // the command's name is the controller's action
            JsonNode answer = target.call(() -> target.client().control(ref, action));
            spec.commandLine().getOut().println("sweep " + ref + " is " + answer.path("state").asText());
            return 0;
        }
    }

    @Command(name = "pause", description = "Hand out no new trials until resumed; running trials go on.")
    static final class Pause extends Control {
    }

    @Command(name = "resume", description = "Hand out trials again after a pause.")
    static final class Resume extends Control {
    }

    @Command(name = "stop", description = "End the sweep: no new trials; running trials finish.")
    static final class Stop extends Control {
    }

    @Command(name = "cancel", description = "End the sweep: no new trials; running trials are stopped and end killed.")
    static final class Cancel extends Control {
    }
}

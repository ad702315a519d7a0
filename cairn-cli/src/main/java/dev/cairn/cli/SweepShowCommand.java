package dev.cairn.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.sweep.SweepRef;
import dev.cairn.core.json.Json;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn sweep show ID}: the sweep object as the API returns it (state, counts, best, config). */
@Command(name = "show", description = "Show one sweep: state, run counts, best run and config, as JSON.")
final class SweepShowCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWEEP", description = "entity/project/sweep_id, or the id with --entity/--project")
    String sweep;

    @Mixin
    SweepTarget target;

    @Override
    public Integer call() throws JsonProcessingException {
        SweepRef ref = target.ref(sweep);
        JsonNode found = target.call(() -> target.client().get(ref));
        spec.commandLine().getOut().println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(found));
        return 0;
    }
}

package dev.cairn.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn runs show entity/project/run}: one run's state, config, summary and metadata. */
@Command(name = "show", description = "Show one run: state, config, summary and metadata.")
final class RunsShowCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN", description = "entity/project/run_id")
    String run;

    @Option(names = "--json", description = "print the run object exactly as the API returns it")
    boolean asJson;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws JsonProcessingException {
        if (run.split("/", -1).length != 3) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "RUN '" + run + "' must be written entity/project/run_id, e.g. alice/mnist/k3x9q2ab");
        }
        JsonNode found = connection.client().getJson("/runs/" + run, Map.of());
        PrintWriter out = spec.commandLine().getOut();
        if (asJson) {
            out.println(pretty(found));
            return 0;
        }
        line(out, "run", run);
        line(out, "name", found.path("name").asText());
        String exitCode = found.path("exit_code").isNumber() ? " (exit code " + found.path("exit_code").asText() + ")" : "";
        line(out, "state", found.path("state").asText() + exitCode);
        line(out, "created", RunTable.created(found.path("created_at").asText()));
        line(out, "runtime", RunTable.runtime(found.path("runtime_s")));
        for (String field : new String[] {"group", "job_type", "notes"}) {
            if (found.path(field).isTextual() && !found.path(field).asText().isEmpty()) {
                line(out, field.replace('_', ' '), found.path(field).asText());
            }
        }
        if (found.path("tags").size() > 0) {
            line(out, "tags", String.join(", ", Json.mapper().convertValue(found.path("tags"), String[].class)));
        }
        for (String section : new String[] {"config", "summary", "metadata"}) {
            out.println(section + ": " + pretty(found.path(section)));
        }
        return 0;
    }

    private static void line(PrintWriter out, String label, String value) {
        out.printf("%-9s %s%n", label, value);
    }

    private static String pretty(JsonNode node) throws JsonProcessingException {
        JsonNode shown = node.isMissingNode() ? Json.mapper().createObjectNode() : node;
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(shown);
    }
}

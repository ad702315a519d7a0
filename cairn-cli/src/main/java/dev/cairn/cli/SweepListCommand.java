package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn sweep list [PROJECT]}: a project's sweeps, newest first, with their state and run counts. */
@Command(name = "list", description = "Show a project's sweeps: state, method, runs and the best metric.")
final class SweepListCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT",
            description = "entity/project or project (default: --project or $CAIRN_PROJECT)")
    String projectText;

    @Mixin
    SweepTarget target;

    @Override
    public Integer call() {
        String text = projectText != null ? projectText : target.project();
        if (text == null) {
            throw new CliException("which project? give entity/project, --project P or $CAIRN_PROJECT");
        }
        String[] parts = text.split("/", -1);
        String entity = parts.length == 2 ? parts[0] : target.entityOrUser();
        String project = parts[parts.length - 1];
        JsonNode sweeps = target.call(() -> target.client().list(entity, project));
        PrintWriter out = spec.commandLine().getOut();
        if (sweeps.isEmpty()) {
            out.println("no sweeps in " + entity + "/" + project);
            return 0;
        }
        TextTable table = new TextTable(List.of("ID", "NAME", "STATE", "METHOD", "RUNNING", "FINISHED", "TOTAL", "BEST"));
        for (JsonNode sweep : sweeps) {
            JsonNode counts = sweep.path("counts");
            JsonNode best = sweep.path("best");
            table.add(List.of(sweep.path("id").asText(), sweep.path("name").asText(""), sweep.path("state").asText(),
                    sweep.path("method").asText(), counts.path("running").asText("0"),
                    counts.path("finished").asText("0"), counts.path("total").asText("0"),
                    best.isObject() ? best.path("metric").asText() + " (" + best.path("run").asText() + ")" : "-"));
        }
        table.print(out);
        return 0;
    }
}

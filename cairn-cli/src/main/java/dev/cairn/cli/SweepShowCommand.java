package dev.cairn.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.sweep.SweepRef;
import dev.cairn.core.json.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cairn sweep show ID}: a sweep's state, method, metric, run counts, best run with its parameters, and
 * the command that starts an agent; {@code --json} prints the sweep object as the API returns it.
 *
 * <pre>{@code
 * sweep      alice/mnist/sw4k2p9q
 * name       lr-search
 * state      running
 * method     bayes
 * metric     val_loss (minimize)
 * runs       12: 2 running, 8 finished, 1 failed, 0 crashed, 1 killed
 * best       k3x9q2ab: val_loss 0.21
 *   lr         0.01
 *   optimizer  adam
 * agent      ./cairn agent alice/mnist/sw4k2p9q
 * }</pre>
 */
@Command(name = "show", description = "Show one sweep: state, method, metric, run counts, the best run and its"
        + " parameters, and the agent command.")
final class SweepShowCommand implements Callable<Integer> {
    private static final List<String> STATES = List.of("running", "finished", "failed", "crashed", "killed");

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWEEP", description = "entity/project/sweep_id, or the id with --entity/--project")
    String sweep;

    @Option(names = "--json", description = "print the sweep object exactly as the API returns it")
    boolean asJson;

    @Mixin
    SweepTarget target;

    @Override
    public Integer call() throws JsonProcessingException {
        SweepRef ref = target.ref(sweep);
        JsonNode found = target.call(() -> target.client().get(ref));
        PrintWriter out = spec.commandLine().getOut();
        if (asJson) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(found));
            return 0;
        }
        String path = found.path("entity").asText(ref.entity()) + "/" + found.path("project").asText(ref.project())
                + "/" + found.path("id").asText(ref.id());
        line(out, "sweep", path);
        if (found.path("name").isTextual() && !found.path("name").asText().isEmpty()) {
            line(out, "name", found.path("name").asText());
        }
        line(out, "state", found.path("state").asText());
        line(out, "method", found.path("method").asText());
        JsonNode metric = found.path("config").path("metric");
        line(out, "metric", metric.path("name").isTextual() ? metric.path("name").asText() + " ("
                + metric.path("goal").asText("minimize") + (metric.has("target") ? ", target "
                + metric.path("target").asText() : "") + ")" : "none");
        line(out, "runs", counts(found.path("counts")));
        if (found.path("superseded").size() > 0) {
            line(out, "superseded", String.join(", ", texts(found.path("superseded")))
                    + " (came back after their grid point went to another run)");
        }
        JsonNode best = found.path("best");
        if (best.isObject()) {
            line(out, "best", best.path("run").asText() + ": " + metric.path("name").asText("metric") + " "
                    + best.path("metric").asText());
            List<String[]> params = new ArrayList<>();
            flatten("", best.path("params"), params);
            int width = params.stream().mapToInt(p -> p[0].length()).max().orElse(0);
            for (String[] param : params) {
                out.printf("  %-" + width + "s  %s%n", param[0], param[1]);
            }
        } else {
            line(out, "best", "-");
        }
        if (found.path("notes").isTextual() && !found.path("notes").asText().isBlank()) {
            line(out, "notes", found.path("notes").asText().strip().lines().findFirst().orElse(""));
        }
        line(out, "agent", "./cairn agent " + path);
        return 0;
    }

    private static String counts(JsonNode counts) {
        List<String> parts = new ArrayList<>();
        for (String state : STATES) {
            parts.add(counts.path(state).asLong() + " " + state);
        }
        return counts.path("total").asLong() + ": " + String.join(", ", parts);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** {@code {"model":{"depth":3}}} as {@code model.depth 3}, in the sweep's order. */
    private static void flatten(String prefix, JsonNode node, List<String[]> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else if (!prefix.isEmpty()) {
            into.add(new String[] {prefix, node.isTextual() ? node.asText() : node.toString()});
        }
    }

    private static void line(PrintWriter out, String label, String value) {
        out.printf("%-10s %s%n", label, value);
    }
}

package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn runs list PROJECT}: a table of a project's runs, newest first unless {@code --sort} says otherwise. */
@Command(name = "list", description = "Show a project's runs as a table.")
final class RunsListCommand implements Callable<Integer> {
    private static final int MAX_PAGE = 1000;
    private static final int DEFAULT_SUMMARY_COLUMNS = 3;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RunSelection selection;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "show at most N runs (default: ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--keys", paramLabel = "KEY", split = ",",
            description = "summary keys to show as columns, e.g. loss,acc.max (default: the first "
                    + DEFAULT_SUMMARY_COLUMNS + " found)")
    List<String> summaryKeys = new ArrayList<>();

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit " + limit + " must be at least 1");
        }
        Map<String, String> query = selection.query();
        ServerClient client = connection.client();
        ProjectRef project = selection.project(client);
        List<JsonNode> runs = new ArrayList<>();
        long total = 0;
        String cursor = null;
        do {
            query.put("limit", Integer.toString(Math.min(MAX_PAGE, limit - runs.size())));
            query.put("cursor", cursor);
            JsonNode page = client.getJson("/runs/" + project.path(), query);
            page.path("runs").forEach(runs::add);
            total = page.path("total").asLong(runs.size());
            cursor = page.path("next_cursor").isTextual() ? page.path("next_cursor").asText() : null;
        } while (cursor != null && runs.size() < limit);

        PrintWriter out = spec.commandLine().getOut();
        if (runs.isEmpty()) {
            out.println("no runs in " + project + (selection.hasFilter() ? " match the filter" : ""));
            return 0;
        }
        new RunTable(runs, summaryKeys, DEFAULT_SUMMARY_COLUMNS).print(out);
        if (total > runs.size()) {
            out.println("(" + runs.size() + " of " + total + " runs; --limit shows more)");
        }
        return 0;
    }
}

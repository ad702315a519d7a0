package dev.cairn.cli;

import dev.cairn.core.json.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Which runs a command is about: a project, a filter and an order, shared by {@code runs list} and {@code runs export}. */
final class RunSelection {
    static final String ENTITY_ENV = "CAIRN_ENTITY";

    @Spec(Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "entity/project, or project with --entity")
    String project;

    @Option(names = "--entity", defaultValue = "${env:" + ENTITY_ENV + "}",
            description = "the entity when PROJECT has none (default: $" + ENTITY_ENV
                    + ", else the only entity with that project)")
    String entity;

    @Option(names = "--filter", paramLabel = "JSON",
            description = "MongoDB-style filter, e.g. '{\"config.lr\":{\"$gte\":0.001}}' (see docs/api.md)")
    String filter;

    @Option(names = "--sort", paramLabel = "FIELD", description = "field to sort by, '-' prefix for descending (default: -created_at)")
    String sort;

    ProjectRef project(ServerClient client) {
        return ProjectRef.resolve(project, entity, client);
    }

    boolean hasFilter() {
        return filter != null;
    }

    /** The list/export query parameters; a filter that is not JSON is a usage error, caught before any request. */
    Map<String, String> query() {
        if (filter != null) {
            try {
                Json.mapper().readTree(filter);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--filter is not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + "); write e.g."
                                + " --filter '{\"state\":\"finished\"}'");
            }
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("filter", filter);
        query.put("sort", sort);
        return query;
    }
}

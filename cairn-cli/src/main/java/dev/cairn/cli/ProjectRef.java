package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.run.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A project as the user names it on the command line: {@code entity/project}, or {@code project} alone
 * with the entity from {@code --entity} or, failing that, the one entity on the server that has a project
 * of that name.
 *
 * <pre>{@code
 * ProjectRef ref = ProjectRef.resolve("mnist", null, client);   // alice/mnist if only alice has "mnist"
 * client.getJson("/runs/" + ref.path(), Map.of());
 * }</pre>
 */
record ProjectRef(String entity, String project) {

    static ProjectRef resolve(String text, String entityOption, ServerClient client) {
        String[] parts = text.split("/", -1);
        if (parts.length == 2) {
            return new ProjectRef(valid("entity", parts[0]), valid("project", parts[1]));
        }
        if (parts.length != 1) {
            throw new CliException("project '" + text + "' must be written entity/project (or project with --entity)");
        }
        String project = valid("project", text);
        if (entityOption != null && !entityOption.isBlank()) {
            return new ProjectRef(valid("entity", entityOption), project);
        }
        return new ProjectRef(onlyEntityWith(project, client), project);
    }

    /** {@code entity/project}, as it appears in API paths. */
    String path() {
        return entity + "/" + project;
    }

    @Override
    public String toString() {
        return path();
    }

    private static String onlyEntityWith(String project, ServerClient client) {
        JsonNode projects = client.getJson("/projects", Map.of()).path("projects");
        List<String> entities = new ArrayList<>();
        for (JsonNode candidate : projects) {
            if (project.equals(candidate.path("name").asText())) {
                entities.add(candidate.path("entity").asText());
            }
        }
        if (entities.isEmpty()) {
            throw new CliException("no project named '" + project + "' on " + client.baseUrl()
                    + "; write entity/project, or check the name with the project's entity");
        }
        if (entities.size() > 1) {
            throw new CliException("project '" + project + "' exists under several entities " + entities
                    + "; write entity/project or pass --entity");
        }
        return entities.get(0);
    }

    private static String valid(String field, String value) {
        try {
            return Names.requireValid(field, value);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }
}

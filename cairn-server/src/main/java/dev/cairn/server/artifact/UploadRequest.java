package dev.cairn.server.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import dev.cairn.core.run.Names;
import dev.cairn.server.http.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The body of {@code POST /artifacts/{entity}/{project}}, checked: a bad field answers 400 naming it.
 *
 * <pre>{@code
 * {"name":"digits-cnn","type":"model","description":"...","metadata":{"acc":0.97},"run":"k3x9q2ab",
 *  "aliases":["best"],"files":[{"path":"model.pt","sha256":"ab12...","size":1234}]}
 * }</pre>
 *
 * @param run the logging run as written (a run id of the project, or {@code entity/project/run}), or null
 */
record UploadRequest(String name, String type, String description, String metadataJson, String run,
                     List<String> aliases, Manifest manifest) {
    static final int MAX_DESCRIPTION_CHARS = 100_000;

    static UploadRequest parse(JsonNode body) {
        if (!body.isObject()) {
            throw new ApiException.BadRequest("the body must be a JSON object with name, type and files");
        }
        String name = ArtifactRef.requireName(body.path("name").asText(null));
        String type = requireType(body.path("type").asText(null));
        JsonNode description = body.path("description");
        if (!description.isMissingNode() && !description.isNull()
                && (!description.isTextual() || description.asText().length() > MAX_DESCRIPTION_CHARS)) {
            throw new ApiException.BadRequest("description must be text of at most " + MAX_DESCRIPTION_CHARS
                    + " characters");
        }
        JsonNode metadata = body.path("metadata");
        if (!metadata.isMissingNode() && !metadata.isNull() && !metadata.isObject()) {
            throw new ApiException.BadRequest("metadata must be a JSON object, not " + metadata.getNodeType());
        }
        JsonNode run = body.path("run");
        return new UploadRequest(name, type, description.isTextual() ? description.asText() : null,
                metadata.isObject() ? write(metadata) : "{}", run.isTextual() ? run.asText() : null,
                aliases(body.path("aliases")), Manifest.parse(body.path("files")));
    }

    static String requireType(String type) {
        try {
            return Names.requireValid("artifact type", type);
        } catch (IllegalArgumentException e) {
            throw new ApiException.BadRequest(e.getMessage() + " (such as model or dataset)");
        }
    }

    private static List<String> aliases(JsonNode aliases) {
        if (aliases.isMissingNode() || aliases.isNull()) {
            return List.of();
        }
        if (!aliases.isArray()) {
            throw new ApiException.BadRequest("aliases must be a list of names such as [\"best\"]");
        }
        LinkedHashSet<String> checked = new LinkedHashSet<>();
        for (JsonNode alias : aliases) {
            String text = alias.asText(null);
            if (!ArtifactRef.LATEST.equals(text)) { // latest is always set on commit
                checked.add(ArtifactRef.requireAlias(text));
            }
        }
        return new ArrayList<>(checked);
    }

    String aliasesJson() {
        return write(Json.mapper().valueToTree(aliases));
    }

    static List<String> aliasesFrom(String json) {
        List<String> aliases = new ArrayList<>();
        try {
            Json.mapper().readTree(json).forEach(alias -> aliases.add(alias.asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored pending aliases are not JSON", e);
        }
        return aliases;
    }

    private static String write(JsonNode node) {
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}

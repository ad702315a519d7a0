package dev.cairn.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.run.Names;
import dev.cairn.core.run.ResumeMode;
import dev.cairn.core.run.RunState;
import dev.cairn.server.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validated body of a create/resume ({@code POST}) or an update ({@code PATCH}) of a run. A field left
 * out of the body is left alone; every field present is checked, and the first bad one answers 400 naming
 * it, its value and the rule. Unknown fields are ignored, as everywhere in the API.
 *
 * <pre>{@code
 * RunInput input = RunInput.forCreate(Json.mapper().readTree("{\"id\":\"abc\",\"resume\":\"allow\"}"));
 * }</pre>
 */
final class RunInput {
    static final int MAX_NAME_CHARS = 256;
    static final int MAX_GROUP_CHARS = 256;
    static final int MAX_JOB_TYPE_CHARS = 64;
    static final int MAX_TAG_CHARS = 64;
    static final int MAX_TAGS = 256;
    static final int MAX_NOTES_BYTES = 100 * 1024;
    /** Routes below a project that a run id would shadow. */
    static final Set<String> RESERVED_IDS = Set.of("export");

    private final JsonNode body;
    /** Columns set verbatim: name, notes, group, job_type. */
    final Map<RunColumn, Object> columns = new EnumMap<>(RunColumn.class);
    String id;
    ResumeMode resume = ResumeMode.NEVER;
    List<String> tags;
    ObjectNode config;
    ObjectNode metadata;
    ObjectNode summary;
    RunState state;
    Integer exitCode;

    private RunInput(JsonNode body) {
        if (body != null && !body.isMissingNode() && !body.isObject()) {
            throw new ApiException.BadRequest("the body must be a JSON object, not " + RunFilter.abbreviate(body));
        }
        this.body = body == null || body.isMissingNode() ? com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.objectNode() : body;
    }

    static RunInput forCreate(JsonNode body) {
        RunInput input = new RunInput(body);
        input.readCommon();
        input.id = input.optionalId();
        JsonNode resume = input.body.get("resume");
        if (resume != null && !resume.isNull()) {
            if (!resume.isTextual()) {
                throw new ApiException.BadRequest("resume must be \"allow\", \"must\" or \"never\", not " + resume);
            }
            try {
                input.resume = ResumeMode.parse(resume.textValue());
            } catch (IllegalArgumentException e) {
                throw new ApiException.BadRequest("resume " + e.getMessage());
            }
        }
        if (input.resume == ResumeMode.MUST && input.id == null) {
            throw new ApiException.BadRequest("resume \"must\" needs the id of the run to resume; add \"id\"");
        }
        return input;
    }

    static RunInput forUpdate(JsonNode body) {
        RunInput input = new RunInput(body);
        input.readCommon();
        input.summary = input.object("summary");
        JsonNode state = input.body.get("state");
        if (state != null && !state.isNull()) {
            input.state = terminalState(state);
        }
        input.exitCode = input.exitCode();
        return input;
    }

    /** The process exit status an agent reports with the end state; only with a state. */
    private Integer exitCode() {
        JsonNode code = body.get("exit_code");
        if (code == null || code.isNull()) {
            return null;
        }
        if (!code.canConvertToInt() || !code.isIntegralNumber()) {
            throw new ApiException.BadRequest("exit_code must be an integer, not " + RunFilter.abbreviate(code));
        }
        if (state == null) {
            throw new ApiException.BadRequest("exit_code goes with a state: add \"state\" (finished, failed, crashed or killed)");
        }
        return code.intValue();
    }

    private void readCommon() {
        String name = text("name", MAX_NAME_CHARS, false);
        if (name != null) {
            columns.put(RunColumn.NAME, name);
        }
        JsonNode notes = body.get("notes");
        if (notes != null && !notes.isNull()) {
            if (!notes.isTextual()) {
                throw new ApiException.BadRequest("notes must be a string, not " + RunFilter.abbreviate(notes));
            }
            int bytes = notes.textValue().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_NOTES_BYTES) {
                throw new ApiException.BadRequest("notes are " + bytes + " bytes; at most " + MAX_NOTES_BYTES
                        + " bytes (100 KB) are allowed, attach longer text as a file");
            }
            columns.put(RunColumn.NOTES, notes.textValue());
        }
        if (body.has("group")) {
            columns.put(RunColumn.GROUP, text("group", MAX_GROUP_CHARS, true));
        }
        if (body.has("job_type")) {
            columns.put(RunColumn.JOB_TYPE, text("job_type", MAX_JOB_TYPE_CHARS, true));
        }
        tags = tags();
        config = object("config");
        metadata = object("metadata");
    }

    private String optionalId() {
        JsonNode id = body.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        if (!id.isTextual()) {
            throw new ApiException.BadRequest("id must be a string, not " + RunFilter.abbreviate(id));
        }
        try {
            Names.requireValid("id", id.textValue());
        } catch (IllegalArgumentException e) {
            throw new ApiException.BadRequest(e.getMessage());
        }
        if (RESERVED_IDS.contains(id.textValue())) {
            throw new ApiException.BadRequest("id '" + id.textValue() + "' is reserved for a route; choose another id");
        }
        return id.textValue();
    }

    /** A string field of 1..maxChars characters; null when absent, or when null is allowed and given. */
    private String text(String field, int maxChars, boolean isNullable) {
        JsonNode value = body.get(field);
        if (value == null || (value.isNull() && isNullable)) {
            return null;
        }
        if (!value.isTextual() || value.textValue().isBlank() || value.textValue().length() > maxChars) {
            throw new ApiException.BadRequest(field + " must be a non-blank string of at most " + maxChars
                    + " characters" + (isNullable ? " (or null to clear it)" : "") + ", not " + describe(value));
        }
        return value.textValue();
    }

    private List<String> tags() {
        JsonNode value = body.get("tags");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new ApiException.BadRequest("tags must be an array of strings such as [\"baseline\"], not "
                    + RunFilter.abbreviate(value));
        }
        Set<String> tags = new LinkedHashSet<>();
        for (JsonNode tag : value) {
            if (!tag.isTextual() || tag.textValue().isBlank() || tag.textValue().length() > MAX_TAG_CHARS) {
                throw new ApiException.BadRequest("each tag must be a non-blank string of at most " + MAX_TAG_CHARS
                        + " characters, not " + describe(tag));
            }
            tags.add(tag.textValue());
        }
        if (tags.size() > MAX_TAGS) {
            throw new ApiException.BadRequest("a run has at most " + MAX_TAGS + " tags; got " + tags.size());
        }
        return new ArrayList<>(tags);
    }

    private ObjectNode object(String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new ApiException.BadRequest(field + " must be a JSON object such as {\"lr\":0.001}, not "
                    + RunFilter.abbreviate(value));
        }
        return (ObjectNode) value;
    }

    private static RunState terminalState(JsonNode value) {
        RunState state;
        try {
            state = value.isTextual() ? RunState.parse(value.textValue()) : null;
        } catch (IllegalArgumentException e) {
            state = null;
        }
        if (state == null || !state.isTerminal()) {
            throw new ApiException.BadRequest("state can only be set to finished, failed, crashed or killed, not "
                    + describe(value) + "; to run a run again, resume it with POST /api/v1/runs/{entity}/{project}");
        }
        return state;
    }

    private static String describe(JsonNode value) {
        if (value.isTextual() && value.textValue().length() > 60) {
            return "a string of " + value.textValue().length() + " characters";
        }
        return RunFilter.abbreviate(value);
    }
}

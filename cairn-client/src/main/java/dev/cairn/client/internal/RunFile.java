package dev.cairn.client.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cairn.core.json.Json;
import dev.cairn.core.run.ResumeMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code run.json} beside a record log: what {@code init} was called with, enough for {@code cairn sync}
 * to create or resume the run on a server that never saw it.
 */
public final class RunFile {
    public static final String NAME = "run.json";

    private final Map<String, Object> fields;

    private RunFile(Map<String, Object> fields) {
        this.fields = fields;
    }

    public static RunFile of(RunSettings settings) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("entity", settings.entity());
        fields.put("project", settings.project());
        fields.put("id", settings.id());
        fields.put("name", settings.name());
        fields.put("group", settings.group());
        fields.put("job_type", settings.jobType());
        fields.put("tags", settings.tags());
        fields.put("notes", settings.notes());
        fields.put("config", settings.config());
        fields.put("resume", settings.resume().wireName());
        return new RunFile(fields);
    }

    public static RunFile read(Path runDir) throws IOException {
        Path file = runDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            throw new IOException(runDir + " holds no " + NAME + "; is it a run folder (<dir>/runs/<entity>/<project>/<id>)?");
        }
        return new RunFile(Json.mapper().readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { }));
    }

    /** Writes the file atomically, so a crash never leaves half of it. */
    public void write(Path runDir) throws IOException {
        Files.createDirectories(runDir);
        Path temp = runDir.resolve(NAME + ".tmp");
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), fields);
        Files.move(temp, runDir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public String entity() {
        return (String) fields.get("entity");
    }

    public String project() {
        return (String) fields.get("project");
    }

    public String id() {
        return (String) fields.get("id");
    }

    /** The body of {@code POST /runs/{entity}/{project}}: create or resume this run. */
    public byte[] createBody(ResumeMode resume) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id());
        body.put("resume", resume.wireName());
        for (String key : List.of("name", "notes", "tags", "group", "job_type", "config")) {
            Object value = fields.get(key);
            if (value != null) {
                body.put(key, value);
            }
        }
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("run.json of " + id() + " cannot be encoded", e);
        }
    }
}

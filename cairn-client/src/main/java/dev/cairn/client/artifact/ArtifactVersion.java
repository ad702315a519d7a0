package dev.cairn.client.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.CairnException;
import dev.cairn.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One committed version of an artifact, as logged or used: its number, aliases, metadata and files, and
 * {@link #download} for the bytes.
 *
 * <pre>{@code
 * ArtifactVersion model = run.useArtifact("digits-cnn:best");
 * Path folder = model.download(Path.of("artifacts", "digits-cnn"));   // every file's SHA-256 checked
 * }</pre>
 */
public final class ArtifactVersion {
    private final JsonNode json;
    private final ArtifactClient client;

    ArtifactVersion(JsonNode json, ArtifactClient client) {
        this.json = json;
        this.client = client;
    }

    /** One file of a version. */
    public record File(String path, String sha256, long size) {
    }

    public String entity() {
        return json.path("entity").asText();
    }

    public String project() {
        return json.path("project").asText();
    }

    public String name() {
        return json.path("name").asText();
    }

    public String type() {
        return json.path("type").asText();
    }

    /** {@code v0}, {@code v1}, ... */
    public String version() {
        return json.path("version").asText();
    }

    public List<String> aliases() {
        List<String> aliases = new ArrayList<>();
        json.path("aliases").forEach(alias -> aliases.add(alias.asText()));
        return aliases;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> metadata() {
        return Json.mapper().convertValue(json.path("metadata"), Map.class);
    }

    /** The run that logged it ({@code entity/project/run}), or null. */
    public String createdBy() {
        return json.path("created_by").isTextual() ? json.path("created_by").asText() : null;
    }

    /** The files by path (fetched from the server when this handle came from a list without them). */
    public List<File> files() {
        JsonNode files = json.has("files") ? json.path("files")
                : client.get(entity(), project(), name() + ":" + version()).json.path("files");
        List<File> list = new ArrayList<>();
        files.forEach(f -> list.add(new File(f.path("path").asText(), f.path("sha256").asText(), f.path("size").asLong())));
        return list;
    }

    /** Downloads every file under {@code root}, keeping files already there with the right content; answers root. */
    public Path download(Path root) {
        String ref = name() + ":" + version();
        for (File file : files()) {
            Path target = root.resolve(file.path()).normalize();
            if (!target.startsWith(root.normalize())) {
                throw new CairnException("artifact file path '" + file.path() + "' leaves " + root);
            }
            try {
                if (Files.isRegularFile(target) && FileDigest.of(target).sha256().equals(file.sha256())) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                Path partial = target.resolveSibling(target.getFileName() + ".part");
                client.download(entity(), project(), ref, file.path(), partial);
                String actual = FileDigest.of(partial).sha256();
                if (!actual.equals(file.sha256())) {
                    Files.deleteIfExists(partial);
                    throw new CairnException(file.path() + " of " + ref + " arrived with SHA-256 " + actual + ", not "
                            + file.sha256() + "; download again");
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target, e);
            }
        }
        return root;
    }

    @Override
    public String toString() {
        return entity() + "/" + project() + "/" + name() + ":" + version();
    }
}

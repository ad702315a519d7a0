package dev.cairn.client.artifact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Files to log as a new version of an artifact: a name, a type, local files and metadata. Logging it with
 * {@link dev.cairn.client.Run#logArtifact} uploads it and answers the {@link ArtifactVersion}.
 *
 * <pre>{@code
 * Artifact model = Artifact.builder("digits-cnn", "model")
 *         .file(Path.of("model.pt"))                 // as "model.pt"
 *         .dir(Path.of("plots"), "plots")            // every file under plots/, as "plots/..."
 *         .metadata(Map.of("val_acc", 0.97))
 *         .build();
 * ArtifactVersion v = run.logArtifact(model, "best"); // v.version() is "v0", "v1", ...
 * }</pre>
 */
public final class Artifact {
    private final String name;
    private final String type;
    private final String description;
    private final Map<String, Object> metadata;
    private final Map<String, Path> files;

    private Artifact(Builder builder) {
        this.name = builder.name;
        this.type = builder.type;
        this.description = builder.description;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(builder.metadata));
        this.files = Collections.unmodifiableMap(new TreeMap<>(builder.files));
    }

    public static Builder builder(String name, String type) {
        return new Builder(name, type);
    }

    public String name() {
        return name;
    }

    public String type() {
        return type;
    }

    public String description() {
        return description;
    }

    public Map<String, Object> metadata() {
        return metadata;
    }

    /** Path in the artifact → local file, sorted by path. */
    public Map<String, Path> files() {
        return files;
    }

    /** Collects the files of an {@link Artifact}. */
    public static final class Builder {
        private final String name;
        private final String type;
        private String description;
        private final Map<String, Object> metadata = new LinkedHashMap<>();
        private final Map<String, Path> files = new LinkedHashMap<>();

        private Builder(String name, String type) {
            if (name == null || name.isEmpty() || name.contains(":") || name.contains("/")) {
                throw new IllegalArgumentException("artifact name '" + name + "' must be a plain name such as"
                        + " digits-cnn (the server chooses the version)");
            }
            if (type == null || type.isEmpty()) {
                throw new IllegalArgumentException("artifact type must be given, such as model or dataset");
            }
            this.name = name;
            this.type = type;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder metadata(Map<String, ?> values) {
            metadata.putAll(values);
            return this;
        }

        /** Adds a file under its file name. */
        public Builder file(Path local) {
            return file(local, local.getFileName().toString());
        }

        /** Adds a file as {@code path} in the artifact ({@code /}-separated, relative). */
        public Builder file(Path local, String path) {
            if (!Files.isRegularFile(local)) {
                throw new IllegalArgumentException(local + " is not a file");
            }
            files.put(ArtifactPaths.requireValid(path), local.toAbsolutePath());
            return this;
        }

        /** Adds every file under {@code folder} at its relative path. */
        public Builder dir(Path folder) {
            return dir(folder, null);
        }

        /** Adds every file under {@code folder} at {@code prefix/relative path} ({@code prefix} may be null). */
        public Builder dir(Path folder, String prefix) {
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException(folder + " is not a folder");
            }
            String start = prefix == null || prefix.isEmpty() ? "" : ArtifactPaths.requireValid(prefix) + "/";
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(Files::isRegularFile).forEach(file -> file(file,
                        start + folder.relativize(file).toString().replace(folder.getFileSystem().getSeparator(), "/")));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + folder, e);
            }
            return this;
        }

        public Artifact build() {
            if (files.isEmpty()) {
                throw new IllegalArgumentException("artifact " + name + " has no files; add some with file() or dir()");
            }
            return new Artifact(this);
        }
    }
}

package dev.cairn.server.artifact;

import dev.cairn.server.ServerOptions;
import dev.cairn.server.http.ApiException;
import dev.cairn.server.run.ProjectStore;
import dev.cairn.server.run.RunKey;
import dev.cairn.server.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Versioned artifacts: uploads (see {@link ArtifactUploads}), lookups by {@code name:vN} or {@code name:alias},
 * aliases and lineage (the run that logged a version, the runs that used it).
 *
 * <pre>{@code
 * Map<String, Object> version = services.artifacts().version("alice", "mnist", ArtifactRef.parse("cnn:best"));
 * }</pre>
 */
public final class ArtifactService {
    private final Database database;
    private final BlobStore blobs;
    private final Clock clock;
    private final ArtifactUploads uploads;

    public ArtifactService(Database database, ServerOptions options, Clock clock) {
        this.database = database;
        this.blobs = new FileBlobStore(options.dataDir().resolve("blobs"));
        this.clock = clock;
        this.uploads = new ArtifactUploads(database, blobs, clock, options.maxBlobBytes());
    }

    ArtifactUploads uploads() {
        return uploads;
    }

    public List<Map<String, Object>> list(String entity, String project) {
        return database.withHandle(c -> ArtifactStore.list(c, ProjectStore.require(c, entity, project).pk()));
    }

    /** Committed versions, newest first, without their files. */
    public List<Map<String, Object>> versions(String entity, String project, String name) {
        return database.withHandle(c -> {
            long artifactId = ArtifactStore.requireId(c, ProjectStore.require(c, entity, project).pk(), name);
            List<Map<String, Object>> versions = new ArrayList<>();
            for (VersionRow row : VersionStore.listCommitted(c, artifactId)) {
                versions.add(VersionView.summary(c, row));
            }
            return versions;
        });
    }

    /** One version with its files and lineage. */
    public Map<String, Object> version(String entity, String project, ArtifactRef ref) {
        return database.withHandle(c -> VersionView.full(c, require(c, entity, project, ref)));
    }

    /** Points {@code alias} at the version (moving it from another); answers the version. */
    public Map<String, Object> setAlias(String entity, String project, ArtifactRef ref, String alias) {
        requireSettable(alias);
        return database.inTransaction(c -> {
            VersionRow version = require(c, entity, project, ref);
            AliasStore.set(c, version, alias);
            return VersionView.full(c, version);
        });
    }

    public Map<String, Object> removeAlias(String entity, String project, ArtifactRef ref, String alias) {
        requireSettable(alias);
        return database.inTransaction(c -> {
            VersionRow version = require(c, entity, project, ref);
            if (!AliasStore.remove(c, version, alias)) {
                throw new ApiException.NotFound(version.label() + " has no alias '" + alias + "'");
            }
            return VersionView.full(c, version);
        });
    }

    /** Records that {@code run} used the version; answers the version with its files. */
    public Map<String, Object> use(String entity, String project, ArtifactRef ref, String run) {
        long nowMs = clock.millis();
        return database.inTransaction(c -> {
            VersionRow version = require(c, entity, project, ref);
            UsageStore.record(c, version.id(), ArtifactUploads.runPk(c, entity, project, run), nowMs);
            return VersionView.full(c, version);
        });
    }

    /** {@code {"logged":[...],"used":[...]}}: the versions a run logged and used. */
    public Map<String, Object> ofRun(RunKey run) {
        return database.withHandle(c -> {
            long runPk = run.requirePk(c);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("logged", summaries(c, VersionStore.loggedBy(c, runPk)));
            answer.put("used", summaries(c, VersionStore.usedBy(c, runPk)));
            return answer;
        });
    }

    /** A file of a version to stream, with its size and digest; 404 when the version has no such file. */
    public Download open(String entity, String project, ArtifactRef ref, String path) throws IOException {
        Manifest.Entry file = database.withHandle(c -> {
            VersionRow version = require(c, entity, project, ref);
            Manifest.Entry entry = VersionStore.file(c, version.id(), path);
            if (entry == null) {
                throw new ApiException.NotFound(version.label() + " has no file '" + path + "'; GET .../"
                        + ref + " lists its files");
            }
            return entry;
        });
        return new Download(file, blobs.open(file.sha256()));
    }

    /** A file being downloaded; the caller closes {@code content}. */
    public record Download(Manifest.Entry file, InputStream content) {
    }

    private static List<Map<String, Object>> summaries(Connection c, List<VersionRow> rows) throws SQLException {
        List<Map<String, Object>> views = new ArrayList<>();
        for (VersionRow row : rows) {
            views.add(VersionView.summary(c, row));
        }
        return views;
    }

    private static VersionRow require(Connection c, String entity, String project, ArtifactRef ref)
            throws SQLException {
        return VersionStore.require(c, ProjectStore.require(c, entity, project).pk(), ref);
    }

    private static void requireSettable(String alias) {
        ArtifactRef.requireAlias(alias);
        if (ArtifactRef.LATEST.equals(alias)) {
            throw new ApiException.BadRequest("alias 'latest' always names the newest version and cannot be set or"
                    + " removed by hand; choose another alias");
        }
    }
}

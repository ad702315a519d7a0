package dev.cairn.server.artifact;

import dev.cairn.server.http.ApiException;
import dev.cairn.server.run.Project;
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
 * The upload of a version in three steps: {@link #start} records a pending version with its manifest and answers
 * which blobs the server lacks, {@link #putBlob} stores one (verified), {@link #commit} numbers the version once
 * every blob is present. A pending version is invisible to readers, so an upload that dies half-way leaves no
 * partial version; sending the same manifest again resumes it. A manifest equal to a committed version's is
 * that version: no new one is made.
 */
final class ArtifactUploads {
    private final Database database;
    private final BlobStore blobs;
    private final Clock clock;
    private final long maxBlobBytes;

    ArtifactUploads(Database database, BlobStore blobs, Clock clock, long maxBlobBytes) {
        this.database = database;
        this.blobs = blobs;
        this.clock = clock;
        this.maxBlobBytes = maxBlobBytes;
    }

    /** {@code {"upload_id","state","missing":[sha256...],"version"}}; state committed when deduplicated. */
    Map<String, Object> start(String entity, String project, UploadRequest request) {
        long nowMs = clock.millis();
        return database.inTransaction(c -> {
            Project owner = ProjectStore.ensure(c, entity, project, nowMs);
            Long runPk = request.run() == null ? null : runPk(c, entity, project, request.run());
            long artifactId = ArtifactStore.ensure(c, owner.pk(), request.name(), request.type(),
                    request.description(), nowMs);
            String digest = request.manifest().digest();
            VersionRow existing = VersionStore.findByDigest(c, artifactId, digest, VersionRow.COMMITTED);
            if (existing != null) {
                for (String alias : request.aliases()) {
                    AliasStore.set(c, existing, alias);
                }
                return answer(null, VersionRow.COMMITTED, List.of(), VersionView.summary(c, existing));
            }
            VersionRow pending = VersionStore.findByDigest(c, artifactId, digest, VersionRow.PENDING);
            long uploadId;
            if (pending != null) {
                uploadId = pending.id();
                VersionStore.refreshPending(c, uploadId, request.metadataJson(), runPk, request.aliasesJson());
            } else {
                uploadId = VersionStore.insertPending(c, artifactId, request.manifest(), request.metadataJson(),
                        runPk, request.aliasesJson(), nowMs);
            }
            List<String> missing = request.manifest().digests().stream().filter(sha -> !blobs.exists(sha)).toList();
            return answer(uploadId, VersionRow.PENDING, missing, null);
        });
    }

    /** Stores one blob; {@code {"sha256","size","stored"}} ({@code stored} false when it was already there). */
    Map<String, Object> putBlob(String entity, String project, String sha256, long declaredBytes, InputStream content)
            throws IOException {
        database.withHandle(c -> ProjectStore.require(c, entity, project));
        if (declaredBytes > maxBlobBytes) {
            throw tooLarge();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("sha256", sha256);
        if (blobs.exists(sha256)) {
            // read the body anyway: answering while the client still sends would break its connection
            content.transferTo(java.io.OutputStream.nullOutputStream());
            answer.put("size", blobs.size(sha256));
            answer.put("stored", false);
            return answer;
        }
        try {
            answer.put("size", blobs.put(sha256, content, maxBlobBytes));
        } catch (BlobStore.DigestMismatch e) {
            throw new ApiException.BadRequest("the uploaded bytes hash to " + e.actualSha256() + ", not " + sha256
                    + "; nothing was kept. Send the file again (was it changed while uploading?)");
        } catch (BlobStore.TooLarge e) {
            throw tooLarge();
        }
        answer.put("stored", true);
        return answer;
    }

    /** Numbers the pending version and moves {@code latest} and its aliases to it; 409 naming absent files. */
    Map<String, Object> commit(String entity, String project, long uploadId) {
        VersionRow before = database.withHandle(c -> VersionStore.require(c,
                ProjectStore.require(c, entity, project).pk(), uploadId));
        if (!before.isCommitted()) {
            requireAllBlobs(before);
        }
        long nowMs = clock.millis();
        return database.inTransaction(c -> {
            ArtifactStore.lock(c, before.artifactId(), nowMs);
            VersionRow pending = VersionStore.require(c, ProjectStore.require(c, entity, project).pk(), uploadId);
            if (pending.isCommitted()) { // a retried commit whose answer was lost
                return VersionView.full(c, pending);
            }
            VersionRow same = VersionStore.findByDigest(c, pending.artifactId(), pending.digest(), VersionRow.COMMITTED);
            VersionRow version = same;
            if (same != null) {
                VersionStore.deletePending(c, pending.id());
            } else {
                VersionStore.commit(c, pending, nowMs);
                AliasStore.set(c, pending, ArtifactRef.LATEST);
                version = VersionStore.require(c, ProjectStore.require(c, entity, project).pk(), uploadId);
            }
            for (String alias : UploadRequest.aliasesFrom(pending.pendingAliasesJson())) {
                AliasStore.set(c, version, alias);
            }
            return VersionView.full(c, version);
        });
    }

    private ApiException.PayloadTooLarge tooLarge() {
        return new ApiException.PayloadTooLarge("an artifact file may be at most " + maxBlobBytes
                + " bytes (set by --max-blob-mb); nothing was kept");
    }

    private void requireAllBlobs(VersionRow pending) {
        List<Manifest.Entry> files = database.withHandle(c -> VersionStore.files(c, pending.id()));
        List<String> missing = new ArrayList<>();
        for (Manifest.Entry file : files) {
            if (!blobs.exists(file.sha256())) {
                missing.add(file.path());
            }
        }
        if (!missing.isEmpty()) {
            throw new ApiException.Conflict("upload " + pending.id() + " of artifact '" + pending.name()
                    + "' lacks the bytes of " + missing.size() + " file(s): " + abbreviate(missing)
                    + "; PUT each to /api/v1/artifacts/{entity}/{project}/blobs/{sha256}, then commit again");
        }
    }

    private static String abbreviate(List<String> paths) {
        int shown = Math.min(paths.size(), 20);
        String list = String.join(", ", paths.subList(0, shown));
        return shown < paths.size() ? list + " and " + (paths.size() - shown) + " more" : list;
    }

    /** The run's key: a bare run id is a run of this project; {@code entity/project/run} names it fully. */
    static long runPk(Connection c, String entity, String project, String run) throws SQLException {
        RunKey key = run.contains("/") ? RunKey.parse(run) : RunKey.parse(entity + "/" + project + "/" + run);
        return key.requirePk(c);
    }

    private static Map<String, Object> answer(Long uploadId, String state, List<String> missing,
                                              Map<String, Object> version) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("upload_id", uploadId);
        answer.put("state", state);
        answer.put("missing", missing);
        answer.put("version", version);
        return answer;
    }
}

package dev.cairn.server.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import dev.cairn.core.run.Names;
import dev.cairn.server.http.ApiException;
import dev.cairn.server.metrics.files.FilePaths;
import dev.cairn.server.run.RunKey;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLConnection;
import java.util.Map;

/** Reads the request, calls {@link ArtifactService}, writes the answer. */
final class ArtifactHandlers {
    private final ArtifactService artifacts;

    ArtifactHandlers(ArtifactService artifacts) {
        this.artifacts = artifacts;
    }

    void list(Context ctx) {
        ctx.json(Map.of("artifacts", artifacts.list(entity(ctx), project(ctx))));
    }

    void startUpload(Context ctx) throws IOException {
        UploadRequest request = UploadRequest.parse(Json.mapper().readTree(ctx.body()));
        Map<String, Object> answer = artifacts.uploads().start(entity(ctx), project(ctx), request);
        ctx.status(answer.get("upload_id") == null ? 200 : 201).json(answer);
    }

    void putBlob(Context ctx) throws IOException {
        String sha256 = Manifest.requireSha256(ctx.pathParam("sha256"), "the blob's name");
        Map<String, Object> answer = artifacts.uploads().putBlob(entity(ctx), project(ctx), sha256,
                ctx.req().getContentLengthLong(), ctx.req().getInputStream());
        ctx.status(Boolean.TRUE.equals(answer.get("stored")) ? 201 : 200).json(answer);
    }

    void commit(Context ctx) {
        long uploadId;
        try {
            uploadId = Long.parseLong(ctx.pathParam("upload"));
        } catch (NumberFormatException e) {
            throw new ApiException.BadRequest("upload id '" + ctx.pathParam("upload") + "' must be the number"
                    + " that POST /artifacts/{entity}/{project} answered as upload_id");
        }
        ctx.json(artifacts.uploads().commit(entity(ctx), project(ctx), uploadId));
    }

    void versions(Context ctx) {
        String name = ArtifactRef.requireName(ctx.pathParam("name"));
        ctx.json(Map.of("versions", artifacts.versions(entity(ctx), project(ctx), name)));
    }

    void version(Context ctx) {
        ctx.json(artifacts.version(entity(ctx), project(ctx), ref(ctx)));
    }

    void download(Context ctx) throws IOException {
        String path = FilePaths.requireValid(ctx.pathParam("path"));
        ArtifactService.Download download = artifacts.open(entity(ctx), project(ctx), ref(ctx), path);
        String type = URLConnection.guessContentTypeFromName(path);
        ctx.contentType(type == null ? "application/octet-stream" : type);
        ctx.header("Content-Length", Long.toString(download.file().size()));
        ctx.header("X-Cairn-Sha256", download.file().sha256());
        ctx.result(download.content());
    }

    void setAlias(Context ctx) throws IOException {
        JsonNode body = Json.mapper().readTree(ctx.body());
        String alias = body.path("alias").asText(null);
        ctx.json(artifacts.setAlias(entity(ctx), project(ctx), ref(ctx), alias));
    }

    void removeAlias(Context ctx) {
        ctx.json(artifacts.removeAlias(entity(ctx), project(ctx), ref(ctx), ctx.pathParam("alias")));
    }

    void use(Context ctx) throws IOException {
        JsonNode run = Json.mapper().readTree(ctx.body()).path("run");
        if (!run.isTextual()) {
            throw new ApiException.BadRequest("run must name the run that uses the artifact: a run id of this"
                    + " project or entity/project/run");
        }
        ctx.json(artifacts.use(entity(ctx), project(ctx), ref(ctx), run.asText()));
    }

    void ofRun(Context ctx) {
        ctx.json(artifacts.ofRun(RunKey.from(ctx)));
    }

    private static ArtifactRef ref(Context ctx) {
        return ArtifactRef.parse(ctx.pathParam("ref"));
    }

    private static String entity(Context ctx) {
        return checked("entity", ctx.pathParam("entity"));
    }

    private static String project(Context ctx) {
        return checked("project", ctx.pathParam("project"));
    }

    private static String checked(String what, String value) {
        try {
            return Names.requireValid(what, value);
        } catch (IllegalArgumentException e) {
            throw new ApiException.BadRequest(e.getMessage());
        }
    }
}

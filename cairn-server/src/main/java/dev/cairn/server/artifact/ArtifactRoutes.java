package dev.cairn.server.artifact;

import dev.cairn.server.Services;
import dev.cairn.server.http.Api;

/** Routes of versioned artifacts and their lineage; see docs/api.md, section Artifacts. */
public final class ArtifactRoutes {
    private static final String PROJECT = "/artifacts/{entity}/{project}";
    private static final String VERSION = PROJECT + "/{ref}";

    private ArtifactRoutes() {
    }

    public static void register(Api api, Services services) {
        ArtifactHandlers handlers = new ArtifactHandlers(services.artifacts());
        api.get(PROJECT, handlers::list);
        api.post(PROJECT, handlers::startUpload);
        api.put(PROJECT + "/blobs/{sha256}", handlers::putBlob);
        api.post(PROJECT + "/uploads/{upload}/commit", handlers::commit);
        api.get(PROJECT + "/{name}/versions", handlers::versions);
        api.get(VERSION, handlers::version);
        api.get(VERSION + "/files/<path>", handlers::download);
        api.post(VERSION + "/aliases", handlers::setAlias);
        api.delete(VERSION + "/aliases/{alias}", handlers::removeAlias);
        api.post(VERSION + "/usage", handlers::use);
        api.get("/runs/{entity}/{project}/{run}/artifacts", handlers::ofRun);
    }
}

package dev.cairn.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/** Serves the OpenAPI description of the REST API (docs/openapi.yaml, packaged as a resource). */
final class OpenApiDocument {
    static final String RESOURCE = "openapi.yaml";

    private OpenApiDocument() {
    }

    static void serve(Context ctx) throws IOException {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ApiException.NotFound("this build carries no OpenAPI document");
            }
            ctx.contentType("application/yaml").result(in.readAllBytes());
        }
    }
}

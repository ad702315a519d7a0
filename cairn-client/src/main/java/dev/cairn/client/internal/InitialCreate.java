package dev.cairn.client.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cairn.client.CairnException;
import dev.cairn.core.json.Json;
import dev.cairn.core.run.ResumeMode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The outcome of the synchronous create-or-resume at init. */
record InitialCreate(boolean isCreated, long lastSeq, String name, Map<String, Object> config) {
    static final InitialCreate SKIPPED = new InitialCreate(false, 0, null, null);

    static InitialCreate attempt(RunSettings settings, RunFile runFile, Warnings warnings) {
        HttpTransport api = SenderLink.transport(settings);
        Reply reply;
        try {
            reply = api.createRun(runFile.createBody(settings.resume()));
        } catch (IOException e) {
            warnings.once("unreachable", "cannot reach the server at " + settings.baseUrl() + " (" + e
                    + "); the run goes on: records are kept in " + settings.runDir().toAbsolutePath()
                    + " and sent when the server is back");
            return SKIPPED;
        }
        if (reply.isSuccess()) {
            return new InitialCreate(true, reply.json().path("last_seq").asLong(0),
                    reply.json().path("name").asText(null), configOf(reply));
        }
        if (reply.isRetriable()) {
            warnings.once("unreachable", "the server at " + settings.baseUrl() + " cannot create the run now ("
                    + reply.describe() + "); the run goes on and is sent when the server recovers");
            return SKIPPED;
        }
        throw new CairnException("the server at " + settings.baseUrl() + " refused run " + settings.entity() + "/"
                + settings.project() + "/" + settings.id() + " (resume " + settings.resume().wireName() + "): "
                + reply.describe());
    }

    private static Map<String, Object> configOf(Reply reply) {
        if (!reply.json().path("config").isObject()) {
            return null;
        }
        return Json.mapper().convertValue(reply.json().path("config"),
                new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /** After an unreachable start, the sender creates the run; a retry must not trip over its own create. */
    static ResumeMode deferredResume(ResumeMode requested) {
        return requested == ResumeMode.MUST ? ResumeMode.MUST : ResumeMode.ALLOW;
    }
}

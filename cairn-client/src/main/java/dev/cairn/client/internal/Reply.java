package dev.cairn.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.cairn.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The server's answer to one request: status and body, with the error body of docs/api.md read out. */
public record Reply(int status, byte[] body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** Failures worth trying again: the server is busy, restarting, or briefly unable to reach its store. */
    public boolean isRetriable() {
        return status >= 500 || status == 429 || status == 408;
    }

    public JsonNode json() {
        try {
            return body.length == 0 ? MissingNode.getInstance() : Json.mapper().readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    public String errorCode() {
        return json().path("error").path("code").asText("");
    }

    /** The server's error message, or the raw body when it is not Cairn's error shape (a proxy's page). */
    public String errorMessage() {
        String message = json().path("error").path("message").asText("");
        if (!message.isEmpty()) {
            return message;
        }
        String raw = new String(body, StandardCharsets.UTF_8).strip();
        return raw.length() > 200 ? raw.substring(0, 200) + "..." : raw;
    }

    /** "HTTP 409 conflict: run id 'x' is taken ..." for messages to the user. */
    public String describe() {
        String code = errorCode();
        return "HTTP " + status + (code.isEmpty() ? "" : " " + code) + ": " + errorMessage();
    }
}

package dev.cairn.server.live;

/**
 * One change pushed to the browsers watching a project: an SSE event name ({@code run}, {@code history},
 * {@code console}, ...) and its JSON data, serialized once however many clients receive it.
 *
 * <pre>{@code
 * new LiveEvent("alice", "mnist", "history", "{\"run\":\"k3x9q2ab\",\"namespace\":\"history\",\"keys\":{\"loss\":12}}")
 * }</pre>
 */
public record LiveEvent(String entity, String project, String type, String data) {
    /** The event in the {@code text/event-stream} wire form, ending with the blank line that dispatches it. */
    String wireForm() {
        return "event: " + type + "\ndata: " + data + "\n\n";
    }
}

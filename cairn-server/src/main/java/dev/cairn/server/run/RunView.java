package dev.cairn.server.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.json.Json;

/**
 * The JSON form of a run, written in this one place (docs/api.md, "The run object"); the CLI, the SDKs
 * and the UI parse it.
 *
 * <pre>{@code
 * {"entity":"alice","project":"mnist","id":"k3x9q2ab","name":"glorious-donkey-58","state":"running",...}
 * }</pre>
 */
final class RunView {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RunView() {
    }

    static ObjectNode of(Project project, RunRow run, long nowMs) {
        ObjectNode view = NODES.objectNode();
        view.put("entity", project.entity());
        view.put("project", project.name());
        view.put("id", run.runId());
        view.put("name", run.name());
        view.put("state", run.state().wireName());
        view.put("notes", run.notes());
        view.set("tags", tags(run));
        view.put("group", run.group());
        view.put("job_type", run.jobType());
        view.set("config", JsonDocs.parseObject(run.configJson()));
        view.set("summary", JsonDocs.parseObject(run.summaryJson()));
        view.set("metadata", JsonDocs.parseObject(run.metadataJson()));
        view.put("created_at", Times.iso(run.createdAtMs()));
        view.put("updated_at", Times.iso(run.updatedAtMs()));
        view.put("heartbeat_at", Times.iso(run.heartbeatAtMs()));
        view.put("finished_at", Times.isoOrNull(run.finishedAtMs()));
        view.put("runtime_s", run.runtimeSeconds(nowMs));
        view.put("exit_code", run.exitCode());
        view.put("deleted", run.isDeleted());
        view.put("last_seq", run.lastSeq());
        view.put("next_step", run.nextStep());
        view.put("sweep", run.sweepId());
        return view;
    }

    static ArrayNode tags(RunRow run) {
        try {
            return (ArrayNode) Json.mapper().readTree(run.tagsJson());
        } catch (java.io.IOException | ClassCastException e) {
            throw new IllegalStateException("stored tags of run " + run.runId() + " are not a JSON array", e);
        }
    }
}

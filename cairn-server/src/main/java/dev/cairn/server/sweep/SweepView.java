package dev.cairn.server.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.json.Json;
import dev.cairn.core.run.RunState;
import dev.cairn.core.sweep.SweepConfig;
import dev.cairn.core.sweep.config.Goal;
import dev.cairn.server.run.Times;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON form of a sweep, written in this one place (docs/api.md, "The sweep object"):
 *
 * <pre>{@code
 * {"entity":"alice","project":"mnist","id":"sw4k2p9q","name":"lr-search","state":"running","method":"bayes",
 *  "config":{...},"notes":"","retries":1,"created_at":"...","updated_at":"...",
 *  "counts":{"running":2,"finished":10,"failed":1,"crashed":0,"killed":3,"total":16},
 *  "best":{"run":"k3x9q2ab","metric":0.21,"params":{"lr":0.01}},"superseded":[]}
 * }</pre>
 * Counts, best and superseded leave deleted runs out.
 */
final class SweepView {
    private SweepView() {
    }

    static ObjectNode of(SweepRow sweep, SweepConfigs.Parsed parsed, List<SweepMember> members) {
        SweepConfig config = parsed.config();
        ObjectNode view = Json.mapper().createObjectNode();
        view.put("entity", sweep.project().entity());
        view.put("project", sweep.project().name());
        view.put("id", sweep.sweepId());
        view.put("name", sweep.name());
        view.put("state", sweep.state().wireName());
        view.put("method", sweep.method());
        view.set("config", parse(sweep.configJson()));
        view.put("notes", sweep.notes());
        view.put("retries", sweep.retries());
        view.put("created_at", Times.iso(sweep.createdAtMs()));
        view.put("updated_at", Times.iso(sweep.updatedAtMs()));
        ObjectNode counts = view.putObject("counts");
        long total = 0;
        for (RunState state : RunState.values()) {
            long count = members.stream().filter(m -> !m.isDeleted() && m.state() == state).count();
            counts.put(state.wireName(), count);
            total += count;
        }
        counts.put("total", total);
        SweepMember best = best(config, members);
        if (best == null) {
            view.putNull("best");
        } else {
            ObjectNode shown = view.putObject("best").put("run", best.runId()).put("metric", best.metric());
            shown.set("params", Json.mapper().valueToTree(best.params()));
        }
        ArrayNode superseded = view.putArray("superseded");
        Set<String> live = new HashSet<>();
        members.stream().filter(m -> !m.isDeleted()).forEach(m -> live.add(m.runId()));
        Superseded.runIds(parsed, members).stream().filter(live::contains).forEach(superseded::add);
        return view;
    }

    private static SweepMember best(SweepConfig config, List<SweepMember> members) {
        if (config.metric().isEmpty()) {
            return null;
        }
        Goal goal = config.metric().get().goal();
        SweepMember best = null;
        for (SweepMember member : members) {
            if (!member.isDeleted() && Double.isFinite(member.metric())
                    && (best == null || goal.isBetter(member.metric(), best.metric()))) {
                best = member;
            }
        }
        return best;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("stored sweep config is not JSON", e);
        }
    }
}

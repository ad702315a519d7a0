package dev.cairn.client.sweep;

import dev.cairn.core.run.Names;
import java.util.Objects;

/**
 * A sweep's address, {@code entity/project/sweep}, as users write it on the command line and in code.
 *
 * <pre>{@code
 * SweepRef.parse("alice/mnist/sw4k2p9q", null, null);       // alice/mnist/sw4k2p9q
 * SweepRef.parse("sw4k2p9q", "alice", "mnist");              // the same, from --entity/--project
 * }</pre>
 */
public record SweepRef(String entity, String project, String id) {

    public SweepRef {
        Names.requireValid("entity", entity);
        Names.requireValid("project", project);
        Names.requireValid("sweep id", id);
    }

    /**
     * Reads {@code entity/project/sweep}, {@code project/sweep} or a bare {@code sweep} id; the missing parts
     * come from {@code entity} and {@code project} (callers pass their options or CAIRN_ENTITY/CAIRN_PROJECT).
     *
     * @throws IllegalArgumentException naming what is missing and how to give it
     */
    public static SweepRef parse(String text, String entity, String project) {
        Objects.requireNonNull(text, "sweep");
        String[] parts = text.split("/", -1);
        return switch (parts.length) {
            case 3 -> new SweepRef(parts[0], parts[1], parts[2]);
            case 2 -> new SweepRef(need(entity, "entity", text), parts[0], parts[1]);
            case 1 -> new SweepRef(need(entity, "entity", text), need(project, "project", text), parts[0]);
            default -> throw new IllegalArgumentException("sweep '" + text
                    + "' must be written entity/project/sweep_id, e.g. alice/mnist/sw4k2p9q");
        };
    }

    /** {@code entity/project/sweep}, as in API paths after {@code /sweeps/}. */
    public String path() {
        return entity + "/" + project + "/" + id;
    }

    @Override
    public String toString() {
        return path();
    }

    private static String need(String value, String what, String text) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("sweep '" + text + "' has no " + what + "; write entity/project/"
                    + "sweep_id, or give the " + what + " (--" + what + " or CAIRN_" + what.toUpperCase() + ")");
        }
        return value;
    }
}

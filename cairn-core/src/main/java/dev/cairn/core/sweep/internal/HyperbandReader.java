package dev.cairn.core.sweep.internal;

import dev.cairn.core.sweep.config.HyperbandConfig;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads the {@code early_terminate} section. Defaults follow W&amp;B's schema: eta 3, strict true;
 * max_iter wins over min_iter when both are given.
 */
final class HyperbandReader {

    private final Problems problems;

    HyperbandReader(Problems problems) {
        this.problems = problems;
    }

    HyperbandConfig read(Object raw) {
        Node node = Node.of(raw, "early_terminate", problems, "{type: hyperband, min_iter: 3}");
        if (node == null) {
            return null;
        }
        node.rejectUnknown(Set.of("type", "min_iter", "max_iter", "s", "eta", "strict"), "early_terminate");
        int before = problems.count();
        Object type = node.raw("type");
        if (type == null) {
            problems.add("early_terminate.type", "missing; the only type is hyperband");
        } else if (!"hyperband".equals(type)) {
            problems.notOneOf("early_terminate.type", type, "a stopping type", List.of("hyperband"));
        }
        OptionalInt minIter = atLeastOne(node, "min_iter");
        OptionalInt maxIter = atLeastOne(node, "max_iter");
        OptionalInt s = atLeastOne(node, "s");
        Double eta = node.number("eta");
        if (eta != null && !(eta > 1)) {
            problems.add("early_terminate.eta", "must be greater than 1 (got " + Problems.show(node.raw("eta")) + ")");
        }
        Boolean strict = node.bool("strict");
        if (!node.has("min_iter") && !node.has("max_iter")) {
            problems.add("early_terminate", "needs min_iter, or max_iter with s");
        } else if (node.has("max_iter") && !node.has("s")) {
            problems.add("early_terminate.s", "missing; max_iter needs s, the number of bands");
        }
        if (problems.count() > before) {
            return null;
        }
        HyperbandConfig config = new HyperbandConfig(minIter, maxIter, s,
                eta == null ? HyperbandConfig.DEFAULT_ETA : eta, strict == null || strict);
        if (config.bandsUpTo(Integer.MAX_VALUE).isEmpty()) {
            problems.add("early_terminate", "max_iter=" + maxIter.orElse(0) + " with eta=" + config.eta()
                    + " leaves no band of at least 1 iteration; raise max_iter or lower eta");
        }
        return config;
    }

    private OptionalInt atLeastOne(Node node, String key) {
        Long value = node.integer(key);
        if (value == null) {
            return OptionalInt.empty();
        }
        if (value < 1 || value > Integer.MAX_VALUE) {
            problems.add(node.at(key), "must be at least 1 (got " + value + ")");
            return OptionalInt.empty();
        }
        return OptionalInt.of(value.intValue());
    }
}

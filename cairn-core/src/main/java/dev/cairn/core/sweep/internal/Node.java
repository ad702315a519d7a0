package dev.cairn.core.sweep.internal;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A mapping from the sweep file with its key path, reading typed fields and reporting wrong
 * types to {@link Problems} instead of throwing, so reading goes on and finds every problem.
 */
final class Node {

    final Map<?, ?> map;
    final String path;
    final Problems problems;

    private Node(Map<?, ?> map, String path, Problems problems) {
        this.map = map;
        this.path = path;
        this.problems = problems;
    }

    /** The node, or null (with a problem reported) when {@code raw} is not a mapping. */
    static Node of(Object raw, String path, Problems problems, String example) {
        if (raw instanceof Map<?, ?> m) {
            return new Node(m, path, problems);
        }
        problems.add(path, "must be a mapping such as " + example + ", got " + Problems.show(raw));
        return null;
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    Object raw(String key) {
        return map.get(key);
    }

    String at(String key) {
        return Problems.join(path, key);
    }

    void rejectUnknown(Set<String> allowed, String what) {
        for (Object key : map.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                String hint = Suggest.nearest(String.valueOf(key), allowed)
                        .map(s -> "did you mean '" + s + "'?")
                        .orElse("allowed " + what + " keys: " + String.join(", ", sorted(allowed)));
                problems.add(at(String.valueOf(key)), "unknown key; " + hint);
            }
        }
    }

    String string(String key) {
        Object v = map.get(key);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        problems.add(at(key), "must be a string, got " + Problems.show(v));
        return null;
    }

    Double number(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && !(v instanceof Boolean)) {
            return n.doubleValue();
        }
        problems.add(at(key), "must be a number, got " + Problems.show(v));
        return null;
    }

    Long integer(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (isInteger(v)) {
            return ((Number) v).longValue();
        }
        problems.add(at(key), "must be a whole number, got " + Problems.show(v));
        return null;
    }

    Boolean bool(String key) {
        Object v = map.get(key);
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        problems.add(at(key), "must be true or false, got " + Problems.show(v));
        return null;
    }

    static boolean isInteger(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || (v instanceof BigInteger big && big.bitLength() < 63);
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}

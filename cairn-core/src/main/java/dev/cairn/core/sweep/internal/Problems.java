package dev.cairn.core.sweep.internal;

import dev.cairn.core.sweep.SweepConfigException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Collects every problem in a sweep file, so the user fixes them all in one round trip
 * instead of one per attempt.
 */
public final class Problems {

    private final List<String> errors = new ArrayList<>();

    public void add(String path, String message) {
        errors.add((path.isEmpty() ? "(top level)" : path) + ": " + message);
    }

    /** Reports {@code value} as not among {@code allowed}, suggesting the nearest spelling. */
    public void notOneOf(String path, Object value, String what, Collection<String> allowed) {
        String shown = show(value);
        String hint = value instanceof String s
                ? Suggest.nearest(s, allowed).map(m -> "did you mean '" + m + "'?").orElse(null)
                : null;
        add(path, shown + " is not " + what + "; "
                + (hint != null ? hint : "one of " + String.join(", ", allowed)));
    }

    public int count() {
        return errors.size();
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new SweepConfigException(errors);
        }
    }

    /** How a value from the file is quoted in messages: strings in quotes, the rest as written. */
    public static String show(Object value) {
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Problems::show).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}

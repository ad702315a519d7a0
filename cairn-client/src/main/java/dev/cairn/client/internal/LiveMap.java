package dev.cairn.client.internal;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A run's config or summary as a map: reading it reads the local copy; changing it (put, putAll, remove,
 * clear) updates the copy and sends the change as one record. Putting {@code null} removes the key, as a
 * {@code null} in a config or summary record does on the server. Safe to use from several threads.
 */
public final class LiveMap extends AbstractMap<String, Object> {
    private final Map<String, Object> values;
    private final Consumer<Map<String, Object>> sendChange;

    /** @param sendChange receives each change as {key: new value or null} */
    public LiveMap(Map<String, Object> initial, Consumer<Map<String, Object>> sendChange) {
        this.values = new LinkedHashMap<>(initial);
        this.sendChange = sendChange;
    }

    @Override
    public Object put(String key, Object value) {
        Objects.requireNonNull(key, "key");
        Object previous;
        synchronized (values) {
            previous = value == null ? values.remove(key) : values.put(key, value);
        }
        sendChange.accept(Collections.singletonMap(key, value));
        return previous;
    }

    @Override
    public void putAll(Map<? extends String, ?> changes) {
        Map<String, Object> copy = new LinkedHashMap<>(changes);
        if (copy.containsKey(null)) {
            throw new NullPointerException("key");
        }
        synchronized (values) {
            copy.forEach((key, value) -> {
                if (value == null) {
                    values.remove(key);
                } else {
                    values.put(key, value);
                }
            });
        }
        sendChange.accept(copy);
    }

    @Override
    public Object remove(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        Object previous;
        synchronized (values) {
            if (!values.containsKey(name)) {
                return null;
            }
            previous = values.remove(name);
        }
        sendChange.accept(Collections.singletonMap(name, null));
        return previous;
    }

    @Override
    public void clear() {
        Map<String, Object> removals = new LinkedHashMap<>();
        synchronized (values) {
            values.keySet().forEach(key -> removals.put(key, null));
            values.clear();
        }
        if (!removals.isEmpty()) {
            sendChange.accept(removals);
        }
    }

    @Override
    public Object get(Object key) {
        synchronized (values) {
            return values.get(key);
        }
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (values) {
            return values.containsKey(key);
        }
    }

    /** A snapshot: iterate it freely; change the map through put and remove. */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        synchronized (values) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(values)).entrySet();
        }
    }
}

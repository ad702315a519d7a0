package dev.cairn.server.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process fan-out of changes to the clients watching a project. Services publish after their
 * transactions commit; each client has its own bounded {@link Subscription}, so a slow browser costs the
 * publisher one queue offer and never blocks ingestion.
 *
 * <pre>{@code
 * EventBus bus = new EventBus(1000);
 * try (Subscription events = bus.subscribe("alice", "mnist")) {
 *     bus.publish(new LiveEvent("alice", "mnist", "run", runJson));
 * }
 * }</pre>
 */
public final class EventBus implements AutoCloseable {
    private final int queueCapacity;
    private final Map<String, Set<Subscription>> byProject = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** {@code queueCapacity}: events a client may have waiting before it is told to resync. */
    public EventBus(int queueCapacity) {
        this.queueCapacity = queueCapacity;
    }

    public Subscription subscribe(String entity, String project) {
        Subscription subscription = new Subscription(this, key(entity, project), queueCapacity);
        if (closed) {
            subscription.close();
            return subscription;
        }
        byProject.computeIfAbsent(subscription.projectKey(), k -> ConcurrentHashMap.newKeySet()).add(subscription);
        return subscription;
    }

    /** Whether anyone watches the project; publishers skip building events nobody would read. */
    public boolean isWatched(String entity, String project) {
        Set<Subscription> subscribers = byProject.get(key(entity, project));
        return subscribers != null && !subscribers.isEmpty();
    }

    public void publish(LiveEvent event) {
        Set<Subscription> subscribers = byProject.get(key(event.entity(), event.project()));
        if (subscribers != null) {
            subscribers.forEach(s -> s.offer(event));
        }
    }

    /** How many clients watch, over all projects. */
    public int subscriberCount() {
        return byProject.values().stream().mapToInt(Set::size).sum();
    }

    void remove(Subscription subscription) {
        byProject.computeIfPresent(subscription.projectKey(), (k, set) -> {
            set.remove(subscription);
            return set.isEmpty() ? null : set;
        });
    }

    /** Ends every stream, so a stopping server does not wait for browsers to hang up. */
    @Override
    public void close() {
        closed = true;
        byProject.values().forEach(set -> set.forEach(Subscription::close));
    }

    private static String key(String entity, String project) {
        return entity + "/" + project;
    }
}

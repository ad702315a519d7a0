package dev.cairn.server.live;

import java.util.ArrayDeque;

/**
 * One client's bounded queue of events. Publishing never waits: when the client reads too slowly and the
 * queue is full, the queued events are dropped and the client's next read is a {@code resync} event,
 * which tells it to refetch what it shows instead of applying changes one by one.
 *
 * <pre>{@code
 * try (Subscription events = bus.subscribe("alice", "mnist")) {
 *     LiveEvent next = events.next(15_000);   // null after 15 s without events
 * }
 * }</pre>
 */
public final class Subscription implements AutoCloseable {
    private final EventBus bus;
    private final String projectKey;
    private final int capacity;
    private final ArrayDeque<LiveEvent> queue = new ArrayDeque<>();
    private boolean overflowed;
    private boolean closed;
    private long dropped;

    Subscription(EventBus bus, String projectKey, int capacity) {
        this.bus = bus;
        this.projectKey = projectKey;
        this.capacity = capacity;
    }

    String projectKey() {
        return projectKey;
    }

    /** Queues the event, or drops it (and every queued one) when the client has fallen behind. */
    synchronized void offer(LiveEvent event) {
        if (closed) {
            return;
        }
        if (overflowed) {
            dropped++;
            return;
        }
        if (queue.size() >= capacity) {
            dropped += queue.size() + 1;
            queue.clear();
            overflowed = true;
        } else {
            queue.addLast(event);
        }
        notifyAll();
    }

    /**
     * The next event, waiting at most {@code timeoutMs}; null when none came in time or the subscription is
     * closed ({@link #isClosed()} tells which). After an overflow the next event is {@code resync}.
     */
    public synchronized LiveEvent next(long timeoutMs) throws InterruptedException {
        long deadlineMs = System.currentTimeMillis() + timeoutMs;
        while (!closed && !overflowed && queue.isEmpty()) {
            long leftMs = deadlineMs - System.currentTimeMillis();
            if (leftMs <= 0) {
                return null;
            }
            wait(leftMs);
        }
        if (closed) {
            return null;
        }
        if (overflowed) {
            overflowed = false;
            String[] parts = projectKey.split("/", 2);
            return new LiveEvent(parts[0], parts[1], "resync", "{\"dropped\":" + dropped + "}");
        }
        return queue.pollFirst();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** How many events this client missed because it read too slowly. */
    public synchronized long dropped() {
        return dropped;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.clear();
            notifyAll();
        }
        bus.remove(this);
    }
}

package dev.cairn.client.internal;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Messages for the user on stderr, each kind said once per run so that a long outage doesn't flood the console. */
public final class Warnings {
    private final PrintStream err;
    private final Set<String> said = ConcurrentHashMap.newKeySet();

    public Warnings(PrintStream err) {
        this.err = err;
    }

    /** Prints {@code message} unless a message of this {@code kind} was printed before. */
    public void once(String kind, String message) {
        if (said.add(kind)) {
            say(message);
        }
    }

    public void say(String message) {
        err.println("cairn: " + message);
    }
}

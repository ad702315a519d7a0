package dev.cairn.server.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A test's browser: reads {@code GET /api/v1/events/...} and hands out the events it parsed, in order. */
final class EventStreamClient implements AutoCloseable {
    private static final long WAIT_MS = 10_000;

    record Event(String type, JsonNode data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    EventStreamClient(String url) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        reader = new Thread(this::read, "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private void read() {
        String type = "message";
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                } else if (line.isEmpty() && !data.isEmpty()) {
                    events.add(new Event(type, Json.mapper().readTree(data.toString())));
                    type = "message";
                    data.setLength(0);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the stream broke; ended tells the test
        }
        ended.complete(null);
    }

    /** The next event, failing the test when none comes in 10 s. */
    Event next() throws InterruptedException {
        Event event = events.poll(WAIT_MS, TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("no event within " + WAIT_MS + " ms");
        }
        return event;
    }

    /** Skips events until one matches (a run event per batch arrives between the ones a test waits for). */
    Event next(Predicate<Event> wanted) throws InterruptedException {
        for (;;) {
            Event event = next();
            if (wanted.test(event)) {
                return event;
            }
        }
    }

    /** Whether the server ended the stream within 10 s. */
    boolean endsWithin10s() throws Exception {
        try {
            ended.get(WAIT_MS, TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        try {
            response.body().close();
        } catch (RuntimeException e) {
            // already closed
        }
    }
}

package dev.cairn.client;

import dev.cairn.client.artifact.Artifact;
import dev.cairn.client.artifact.ArtifactClient;
import dev.cairn.client.artifact.ArtifactVersion;
import dev.cairn.client.internal.LiveMap;
import dev.cairn.client.internal.PendingRecord;
import dev.cairn.client.internal.RecordSink;
import dev.cairn.client.internal.RunInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One tracked run: log metrics, keep its config and summary, then finish it. Made by {@link Cairn#init}.
 *
 * <pre>{@code
 * try (Run run = Cairn.init(InitOptions.builder().project("mnist").config(Map.of("lr", 0.001)).build())) {
 *     for (int epoch = 0; epoch < 10; epoch++) {
 *         double loss = train(epoch), acc = evaluate(epoch);
 *         run.log(Map.of("loss", loss, "acc", acc));
 *     }
 *     run.summary().put("best_acc", 0.97);
 * }   // close() == finish(0); an exception escaping the block still finishes the run as finished,
 *     // so call run.finish(1) in a catch block to record a failure
 * }</pre>
 *
 * <p>A run is <i>thread safe</i>: several threads may log to it at once; each call gets the next
 * sequence number, and records reach the server in that order.
 *
 * <p>{@link #log} is cheap: it copies the values, stamps a sequence number and the time, and queues the
 * record in memory. A writer thread appends it to the run's record log on local disk, and a sender thread
 * ships the log to the server in batches, retrying while the server is unreachable. Training therefore
 * never waits for the network; when the queue is full, {@code log} waits for the disk writer only.
 *
 * <p>{@link #finish} sends the run's end, then waits (up to {@link InitOptions.Builder#finishTimeoutMs},
 * 30 s by default) for the server to acknowledge every record. Records it could not deliver stay in the
 * log, and a message says how to send them later ({@code ./cairn sync PATH}). A run the program forgets to
 * finish is finished as failed when the JVM exits; one killed outright is marked crashed by the server
 * when its heartbeats stop.
 */
public final class Run implements AutoCloseable {
    private final RunInfo info;
    private final RecordSink sink;
    private final LiveMap config;
    private final LiveMap summary;
    private final AtomicBoolean warnedFinished = new AtomicBoolean();
    private final ArtifactClient artifacts;

    Run(RunInfo info, RecordSink sink, Map<String, Object> initialConfig, ArtifactClient artifacts) {
        this.info = info;
        this.sink = sink;
        this.artifacts = artifacts;
        this.config = new LiveMap(initialConfig, changes -> append("config", changes));
        this.summary = new LiveMap(Map.of(), changes -> append("summary", changes));
    }

    /**
     * Logs metric values at the run's next step (the previous step + 1, from 0). Numbers are history
     * points ({@code NaN} and infinities included); other values (strings, objects) update the summary only.
     * Keys may be paths such as {@code train/loss}.
     */
    public void log(Map<String, ?> values) {
        send(PendingRecord.ofValues("history", Objects.requireNonNull(values, "values"), PendingRecord.NO_STEP));
    }

    /** Logs metric values at {@code step} (0 or more); later calls without a step continue from it. */
    public void log(Map<String, ?> values, long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be 0 or more, not " + step);
        }
        send(PendingRecord.ofValues("history", Objects.requireNonNull(values, "values"), step));
    }

    /** The run's config: read it, or change it with {@code put}/{@code putAll} (each change is sent). */
    public Map<String, Object> config() {
        return config;
    }

    /**
     * Summary values set by the program; they win over what the server computes from the history
     * (by default the last value of each metric). Each change is sent.
     */
    public Map<String, Object> summary() {
        return summary;
    }

    /** Sets how the server summarizes metric {@code name} (min, max, mean, first, last), its goal and x axis. */
    public void defineMetric(String name, DefineMetric options) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", Objects.requireNonNull(name, "name"));
        if (!options.summary().isEmpty()) {
            List<String> aggregates = new ArrayList<>();
            options.summary().forEach(a -> aggregates.add(a.name().toLowerCase(Locale.ROOT)));
            fields.put("summary", aggregates);
        }
        if (options.goal() != null) {
            fields.put("goal", options.goal().name().toLowerCase(Locale.ROOT));
        }
        if (options.stepMetric() != null) {
            fields.put("step_metric", options.stepMetric());
        }
        send(PendingRecord.ofFields("define_metric", fields));
    }

    /**
     * Uploads {@code artifact} as a new version logged by this run (synchronously, retried on transient
     * failures) and points {@code aliases} and {@code latest} at it. The same files as an existing version give
     * that version back. {@link CairnException} when the run is offline or disabled, or the server refuses.
     *
     * <pre>{@code
     * ArtifactVersion v = run.logArtifact(Artifact.builder("digits-cnn", "model").file(weights).build(), "best");
     * }</pre>
     */
    public ArtifactVersion logArtifact(Artifact artifact, String... aliases) {
        return requireArtifacts("logArtifact").upload(entity(), project(), artifact, id(), List.of(aliases));
    }

    /**
     * Records that this run uses a version and answers it: {@code "name:alias"}, {@code "name:v3"}, {@code "name"}
     * (latest), or {@code "entity/project/name:v3"} for another project. {@link ArtifactVersion#download} fetches it.
     */
    public ArtifactVersion useArtifact(String ref) {
        String[] parts = ref.split("/");
        if (parts.length != 1 && parts.length != 3) {
            throw new IllegalArgumentException("artifact '" + ref + "' must be name:alias or entity/project/name:alias");
        }
        String entity = parts.length == 3 ? parts[0] : entity();
        String project = parts.length == 3 ? parts[1] : project();
        return requireArtifacts("useArtifact").use(entity, project, parts[parts.length - 1],
                entity() + "/" + project() + "/" + id());
    }

    private ArtifactClient requireArtifacts(String action) {
        if (artifacts == null) {
            throw new CairnException(action + " needs a server: this run is " + (info.isOffline() ? "offline" : "disabled"));
        }
        return artifacts;
    }

    /**
     * Whether the run's sweep asked it to stop: hyperband early termination judged it unpromising, or the
     * sweep was canceled. A training loop should check it every epoch and end; the run then finishes as
     * {@code killed}, whatever exit code {@link #finish} is given. Always false outside a sweep.
     *
     * <pre>{@code
     * for (int epoch = 0; epoch < epochs && !run.isStopRequested(); epoch++) { ... }
     * }</pre>
     */
    public boolean isStopRequested() {
        return sink.isStopRequested();
    }

    /**
     * Ends the run: {@code finished} when {@code exitCode} is 0, {@code failed} otherwise ({@code killed}
     * when {@link #isStopRequested()}). Waits for the
     * server to acknowledge every record, up to the finish timeout. Later calls do nothing.
     */
    public void finish(int exitCode) {
        sink.finish(exitCode);
    }

    /** {@code finish(0)}. */
    public void finish() {
        finish(0);
    }

    /** {@code finish(0)}, for try-with-resources. */
    @Override
    public void close() {
        finish(0);
    }

    public String id() {
        return info.id();
    }

    /** The display name; null only when a run was resumed offline without one. */
    public String name() {
        return info.name();
    }

    public String entity() {
        return info.entity();
    }

    public String project() {
        return info.project();
    }

    /** The run's page on the server; null when offline or disabled. */
    public String url() {
        return info.url();
    }

    public boolean isOffline() {
        return info.isOffline();
    }

    /** The folder holding the run's record log ({@code <dir>/runs/<entity>/<project>/<id>}); null when disabled. */
    public Path dir() {
        return info.runDir();
    }

    private void append(String type, Map<String, Object> values) {
        send(PendingRecord.ofValues(type, values, PendingRecord.NO_STEP));
    }

    private void send(PendingRecord record) {
        if (!sink.append(record) && warnedFinished.compareAndSet(false, true)) {
            System.err.println("cairn: run " + info.id() + " is finished; a " + record.type()
                    + " record after finish() was dropped (and later ones will be too)");
        }
    }
}

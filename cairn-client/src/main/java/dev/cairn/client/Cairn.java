package dev.cairn.client;

import dev.cairn.client.artifact.ArtifactClient;
import dev.cairn.client.internal.RecordSink;
import dev.cairn.client.internal.RunInfo;
import dev.cairn.client.internal.RunSettings;
import dev.cairn.client.internal.Session;
import dev.cairn.client.internal.Syncer;
import dev.cairn.client.sweep.FunctionAgent;
import dev.cairn.client.sweep.SweepClient;
import dev.cairn.client.sweep.SweepController;
import dev.cairn.client.sweep.SweepRef;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The entry point of the Java SDK: start a {@link Run}, or send a run recorded offline.
 *
 * <pre>{@code
 * try (Run run = Cairn.init(InitOptions.builder().project("mnist").config(Map.of("lr", 0.001)).build())) {
 *     for (int epoch = 0; epoch < 10; epoch++) {
 *         run.log(Map.of("loss", 1.0 / (epoch + 1), "acc", 0.9 + epoch / 100.0));
 *     }
 *     run.summary().put("best_acc", 0.97);
 * }
 * }</pre>
 *
 * <p>Online (the default), {@code init} creates the run on the server before it returns, so a run the
 * server refuses (its id is taken, a run that must be resumed does not exist, a bad project name) fails
 * at once with a {@link CairnException}. If the server cannot be reached, {@code init} says so once on
 * stderr and goes on: records are kept on local disk and sent when the server is back.
 *
 * <p>Offline runs ({@code mode(Mode.OFFLINE)} or {@code CAIRN_MODE=offline}) write the same record log
 * and nothing else; send one later with {@code ./cairn sync PATH}, which calls {@link #sync}.
 */
public final class Cairn {
    private Cairn() {
    }

    /** Starts a run with {@code options}, gaps filled from the environment (see {@link InitOptions}). */
    public static Run init(InitOptions options) {
        RunSettings settings = RunSettings.resolve(options, System::getenv);
        if (settings.mode() == Mode.DISABLED) {
            RunInfo info = new RunInfo(settings.entity(), settings.project(), settings.id(), settings.name(), null,
                    false, null);
            return new Run(info, RecordSink.DISCARD, settings.config(), null);
        }
        Session session = Session.start(settings);
        // The server's answer is the config that counts: under a sweep, its parameters win over the script's.
        Map<String, Object> config = session.serverConfig() != null ? session.serverConfig() : settings.config();
        return new Run(session.info(), session, config,
                settings.mode() == Mode.OFFLINE ? null : new ArtifactClient(settings.baseUrl(), settings.apiKey()));
    }

    /** Starts a run with every option from the environment and defaults. */
    public static Run init() {
        return init(InitOptions.defaults());
    }

    /**
     * Runs a sweep's trials in this JVM: asks the sweep's controller for the next parameters, starts the
     * trial's run (the run the server created, with those parameters as its config), calls {@code train}
     * with it, and finishes the run: {@code finished} when {@code train} returns, {@code failed} when it
     * throws (the agent then goes on), {@code killed} when the sweep asked the run to stop
     * ({@link Run#isStopRequested()}, which {@code train} should check every epoch). Returns when the
     * sweep hands out no more trials or after {@code count} trials (0: no limit). Waits while the sweep is
     * paused.
     *
     * <pre>{@code
     * // the sweep was created with ./cairn sweep sweep.yaml, which printed its id
     * int trials = Cairn.agent("alice/mnist/sw4k2p9q", 10, run -> {
     *     double lr = ((Number) run.config().get("lr")).doubleValue();
     *     for (int epoch = 0; epoch < 20 && !run.isStopRequested(); epoch++) {
     *         run.log(Map.of("val_loss", trainOneEpoch(lr)));
     *     }
     * });
     * }</pre>
     *
     * @param sweep {@code entity/project/sweep_id}, or a bare id with the entity and project from
     *              {@code CAIRN_ENTITY} / {@code CAIRN_PROJECT}
     * @return how many trials ran
     * @throws CairnException when the sweep is unknown or the server stays unreachable
     */
    public static int agent(String sweep, int count, Consumer<Run> train) {
        return agent(sweep, count, InitOptions.defaults(), train);
    }

    /**
     * {@link #agent(String, int, Consumer)} with options for every trial's run: the server ({@code baseUrl},
     * {@code apiKey}), {@code dir}, {@code sampleIntervalMs}, default {@code config} values (the sweep's
     * parameters win), and the {@code entity} and {@code project} of a bare sweep id.
     */
    public static int agent(String sweep, int count, InitOptions options, Consumer<Run> train) {
        RunSettings settings = RunSettings.resolve(options, System::getenv);
        SweepRef ref;
        try {
            ref = SweepRef.parse(sweep, settings.entity(), settings.project());
        } catch (IllegalArgumentException e) {
            throw new CairnException(e.getMessage(), e);
        }
        SweepController controller = new SweepClient(settings.baseUrl(), settings.apiKey()).controller(ref);
        return new FunctionAgent(controller, options.toBuilder().baseUrl(settings.baseUrl()).apiKey(settings.apiKey())
                .build(), System.err).run(count, train);
    }

    /**
     * Sends the record log in {@code runDir} (a {@code <dir>/runs/<entity>/<project>/<id>} folder) to the
     * server at {@code baseUrl}: creates or resumes the run, asks which records the server has, and sends the
     * rest. Safe to repeat: records the server has are not sent twice.
     *
     * <pre>{@code
     * SyncResult result = Cairn.sync(Path.of("cairn/runs/alice/mnist/k3x9q2ab"), "http://127.0.0.1:8080", null);
     * System.out.println(result.recordsSent() + " records sent to " + result.run());
     * }</pre>
     *
     * @param apiKey null when the server needs none
     * @throws CairnException when the folder is not a run, the server can't be reached, or it refuses the run
     */
    public static SyncResult sync(Path runDir, String baseUrl, String apiKey) {
        return Syncer.sync(runDir, baseUrl, apiKey, System.err);
    }
}

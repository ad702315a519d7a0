package dev.cairn.client;

import dev.cairn.client.internal.RecordSink;
import dev.cairn.client.internal.RunInfo;
import dev.cairn.client.internal.RunSettings;
import dev.cairn.client.internal.Session;
import dev.cairn.client.internal.Syncer;
import java.nio.file.Path;

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
            return new Run(info, RecordSink.DISCARD, settings.config());
        }
        Session session = Session.start(settings);
        return new Run(session.info(), session, settings.config());
    }

    /** Starts a run with every option from the environment and defaults. */
    public static Run init() {
        return init(InitOptions.defaults());
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

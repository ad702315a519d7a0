package dev.cairn.client.internal;

import dev.cairn.client.CairnException;
import dev.cairn.client.Mode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A live run: the record queue, the writer thread, the sender thread (online), the system sampler, console
 * capture and the shutdown hook, started together and stopped together by {@link #finish}.
 */
public final class Session implements RecordSink {
    private static final int QUEUE_CAPACITY = 8_192;

    private final RunSettings settings;
    private final RunInfo info;
    private final Warnings warnings;
    private final Accumulator accumulator;
    private final RecordLog log;
    private final Thread writerThread;
    private final SenderLink sender;
    private final AtomicBoolean finished = new AtomicBoolean();
    private AutoCloseable sampler = () -> { };
    private AutoCloseable console = () -> { };
    private StopWatch stopWatch = StopWatch.none();
    private Map<String, Object> serverConfig;
    private Thread shutdownHook;

    private Session(RunSettings settings, RunInfo info, Warnings warnings, Accumulator accumulator, RecordLog log,
                    Thread writerThread, SenderLink sender) {
        this.settings = settings;
        this.info = info;
        this.warnings = warnings;
        this.accumulator = accumulator;
        this.log = log;
        this.writerThread = writerThread;
        this.sender = sender;
    }

    /**
     * Starts a run in online or offline mode. Online, the run is created (or resumed) on the server first, so
     * that a refusal throws here; an unreachable server only warns, and the sender creates the run later.
     */
    public static Session start(RunSettings settings) {
        PrintStream stderr = System.err;
        Warnings warnings = new Warnings(stderr);
        RunFile runFile = RunFile.of(settings);
        boolean online = settings.mode() == Mode.ONLINE;
        InitialCreate created = online ? InitialCreate.attempt(settings, runFile, warnings) : InitialCreate.SKIPPED;
        Path runDir = settings.runDir();
        RecordLog log;
        try {
            runFile.write(runDir);
            log = RecordLog.open(runDir.resolve("records.log"));
        } catch (IOException e) {
            throw new CairnException("cannot write the run folder " + runDir.toAbsolutePath() + ": " + e.getMessage()
                    + "; choose a writable folder with InitOptions.dir or CAIRN_DIR", e);
        }
        if (log.truncatedBytes() > 0) {
            warnings.say("the record log " + log.file() + " ended in a torn record (" + log.truncatedBytes()
                    + " bytes, from a process killed mid-write); it was cut off and the log continues");
        }
        Accumulator accumulator = new Accumulator(QUEUE_CAPACITY, Math.max(log.recoveredLastSeq(), created.lastSeq()));
        SenderLink sender = online ? SenderLink.start(settings, runFile, created, log.file(), warnings) : null;
        RecordWriter writer = new RecordWriter(accumulator, log, sender == null ? () -> { } : sender::wakeUp, warnings);
        Thread writerThread = daemon(writer, "cairn-writer-" + settings.id());
        String name = created.name() != null ? created.name() : settings.name();
        RunInfo info = new RunInfo(settings.entity(), settings.project(), settings.id(), name,
                online ? settings.url() : null, !online, runDir);
        Session session = new Session(settings, info, warnings, accumulator, log, writerThread, sender);
        session.serverConfig = created.config();
        session.startExtras();
        return session;
    }

    private void startExtras() {
        try {
            append(PendingRecord.ofValues("metadata", Environment.capture(Path.of("").toAbsolutePath()),
                    PendingRecord.NO_STEP));
        } catch (RuntimeException e) {
            warnings.say("cannot describe this machine and program (" + e + "); the run goes on without it");
        }
        if (settings.sampleIntervalMs() > 0) {
            sampler = SystemSampler.start(info.runDir(), settings.sampleIntervalMs(), this::append);
        }
        if (settings.captureConsole()) {
            console = ConsoleCapture.install(this::append);
        }
        if (settings.isSweepRun() && settings.mode() == Mode.ONLINE) {
            stopWatch = StopWatch.start(SenderLink.transport(settings), StopWatch.INTERVAL_MS);
        }
        shutdownHook = new Thread(() -> finish(1), "cairn-shutdown-" + info.id());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public RunInfo info() {
        return info;
    }

    /**
     * The run's config as the server answered the create or resume (for a sweep run: the script's config
     * with the sweep's parameters winning), or null when the server was not reached at init.
     */
    public Map<String, Object> serverConfig() {
        return serverConfig;
    }

    @Override
    public boolean isStopRequested() {
        return stopWatch.isStopRequested();
    }

    @Override
    public boolean append(PendingRecord record) {
        return accumulator.append(record) >= 0;
    }

    /**
     * Sends the exit record, writes and syncs the log, and waits (up to the finish timeout) for the server to
     * acknowledge everything; what it could not send is left on disk with a {@code cairn sync} hint.
     */
    @Override
    public void finish(int exitCode) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(sampler);
        closeQuietly(console);
        closeQuietly(stopWatch);
        String state = stopWatch.isStopRequested() ? "killed" : exitCode == 0 ? "finished" : "failed";
        long exitSeq = accumulator.append(PendingRecord.ofFields("exit", Map.of("state", state, "exit_code", exitCode)));
        accumulator.close();
        try {
            writerThread.join();
            log.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            warnings.say("cannot sync the record log " + log.file() + ": " + e.getMessage());
        }
        if (sender != null) {
            sender.drain(exitSeq, settings.finishTimeoutMs(), info.runDir());
        } else {
            warnings.say("run saved offline in " + info.runDir().toAbsolutePath() + " - send it with: ./cairn sync "
                    + info.runDir().toAbsolutePath());
        }
        removeShutdownHook();
    }

    private void removeShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook runs and finds the run finished.
        }
    }

    static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Stopping a sampler or restoring System.out must not keep the run from finishing.
        }
    }
}
